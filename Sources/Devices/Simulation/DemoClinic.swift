public import Foundation
public import InfusionCore

/// The demo clinic the program runs when no configuration is given: simulated chairs
/// `CHAIR-01`… with monitors `MON01`… and pumps `PUMP01`…, clearly labelled simulated.
///
/// First admissions are staggered so that the board opens on varied phases: the
/// simulation starts `history` before the clock's now and the first `advance` catches up.
/// For the first eight chairs, minutes since admission at launch are
/// 76 (ready for discharge), 1 (admitted), 30 (infusing; the one hypertensive patient),
/// 42.5 (infusion just complete), 12 and 22 (infusing), 55 (observation) and -1 (free,
/// admitted a minute after launch). Further chairs repeat the pattern shifted by 7 min per
/// round, so 16 or 64 chairs stay varied. Chair 2 and every fourth after it use
/// 0.4 mg/mL bags, the others 1 mg/mL.
public enum DemoClinic {
    /// Minutes since admission at launch for chairs 1-8 (negative: admitted after launch).
    static let launchAges: [Double] = [76, 1, 30, 42.5, 12, 55, -1, 22]
    /// The chair (0-based) whose first patient has baseline hypertension.
    static let hypertensiveChair = 2
    /// Default warm-up before launch: long enough for the oldest staggered session.
    public static let defaultHistory: TimeInterval = 80 * 60

    /// The demo configuration.
    ///
    /// - Parameters:
    ///   - seed: fixes every patient, weight and noise draw (`--seed`).
    ///   - chairCount: number of chairs, at least 1 (the demo shows 8; benchmarks 16 and 64).
    ///   - startTime: the simulated instant the board goes live (the clock's `now()`).
    ///   - history: warm-up simulated before `startTime`; 0 starts with every chair free
    ///     and staggered admissions after launch.
    ///   - observationMinimum: clinic observation minimum in seconds (demo: 30 min).
    ///   - reservedChairs: chairs the demo never admits its own patients to, left free for
    ///     admissions at the station (`n`); none by default.
    public static func make(
        seed: UInt64, chairCount: Int = 8, startTime: Date, history: TimeInterval = defaultHistory,
        observationMinimum: TimeInterval = 1800, reservedChairs: Set<ChairID> = []
    ) -> SimulationConfiguration {
        let count = max(1, chairCount)
        var session = SessionTimings()
        session.observationMinimum = observationMinimum
        let chairs = (0..<count).map { index in
            plan(index: index, count: count, history: history, session: session)
        }
        return SimulationConfiguration(
            clinicName: "Demo clinic (simulated)", seed: seed, startTime: startTime, history: history,
            chairs: chairs, session: session, reservedChairs: reservedChairs)
    }

    private static func plan(index: Int, count: Int, history: TimeInterval, session: SessionTimings) -> SimulatedChairPlan {
        let number = twoDigits(index + 1)
        let cycle = session.cycleLength(infusion: InfusionOrder.ketamineStandard().duration)
        var age = launchAges[index % launchAges.count] * 60 - Double(index / launchAges.count) * 7 * 60
        while age < -session.turnover { age += cycle }
        // Never before the history begins; with no history, stagger admissions after launch.
        let firstAdmission = history > 0 ? max(-age, -history) : Double(index) * 120
        return SimulatedChairPlan(
            chair: ChairDescriptor(id: ChairID("CHAIR-\(number)"), label: "CHAIR-\(number)"),
            monitor: DeviceID("MON\(number)"), pump: DeviceID("PUMP\(number)"),
            firstAdmission: firstAdmission,
            concentration: MilligramsPerMilliliter(index % 4 == 1 ? 0.4 : 1),
            firstPatientBaseline: index == min(hypertensiveChair, count - 1) ? .hypertensive : nil)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
