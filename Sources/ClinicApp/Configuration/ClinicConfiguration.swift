public import Devices
public import Foundation
public import InfusionCore

/// The clinic as configured in one TOML file: name, chairs, simulation, look.
///
/// With no file the program runs the demo clinic (`ClinicConfiguration.demo`): eight
/// simulated chairs, clearly labelled as such on screen.
public struct ClinicConfiguration: Equatable, Sendable {
    /// Shown in the header.
    public var clinicName: String
    /// The chairs in board order.
    public var chairs: [ChairDescriptor]
    /// Theme name at start (`themes/<name>.toml`).
    public var theme: String
    /// The simulated devices, when the clinic (or demo) uses them.
    public var simulation: SimulationSettings?
    public var freshness: FreshnessPolicy
    /// The HL7 MLLP listener and its device registry, when the clinic has real devices.
    public var hl7: HL7Settings?
    /// Alarm limits, latching, flashing and sound.
    public var alarms: AlarmSettings
    /// The drug library and the pump confirmation time (`[[drug]]`, `[dose_control]`).
    public var doseControl: DoseControlSettings
    /// Who may sign in, and the lockout and idle-lock rules (`[[user]]`, `[access]`).
    /// A clinic's own file has no users unless it lists them; the demo has two.
    public var access: AccessSettings
    /// Discharge rules: observation minimum, ±20 % vitals, Aldrete minimum, CADSS times (`[sign_off]`).
    public var signOff: SignOffRules
    /// The baseline blood pressure above which admission needs a reason (`[sign_off]`).
    public var admission: AdmissionRules
    /// Where the configuration came from, for messages (`nil` for the built-in demo).
    public var source: String?

    public init(
        clinicName: String, chairs: [ChairDescriptor], theme: String = "default",
        simulation: SimulationSettings?, freshness: FreshnessPolicy = FreshnessPolicy(),
        alarms: AlarmSettings = AlarmSettings(), doseControl: DoseControlSettings = DoseControlSettings(),
        access: AccessSettings = AccessSettings(), signOff: SignOffRules? = nil,
        admission: AdmissionRules = AdmissionRules(), source: String? = nil
    ) {
        // One observation minimum for the simulator's own patients and the discharge gate.
        self.signOff = signOff ?? SignOffRules(observationMinimum: simulation?.observationMinimum ?? 3600)
        self.admission = admission
        self.alarms = alarms
        self.doseControl = doseControl
        self.access = access
        self.clinicName = clinicName
        self.chairs = chairs
        self.theme = theme
        self.simulation = simulation
        self.freshness = freshness
        self.source = source
    }

    /// The demo clinic: `chairCount` simulated chairs named `CHAIR-01` … ; with more than
    /// one chair the last is kept free for the operator's own admissions (`n`).
    public static func demo(chairCount: Int = 8) -> ClinicConfiguration {
        ClinicConfiguration(
            clinicName: "Demo Clinic",
            chairs: (1...max(1, chairCount)).map { number in
                let name = number < 10 ? "CHAIR-0\(number)" : "CHAIR-\(number)"
                return ChairDescriptor(id: ChairID(name), label: name)
            },
            simulation: SimulationSettings(
                reservedChairs: chairCount > 1 ? [ChairID(chairCount < 10 ? "CHAIR-0\(chairCount)" : "CHAIR-\(chairCount)")] : []),
            access: .demo)
    }
}

/// How the simulated devices behave.
public struct SimulationSettings: Equatable, Sendable {
    /// Same seed, same run.
    public var seed: UInt64
    /// Simulated seconds per real second.
    public var speed: Double
    /// A scenario file scripting events on chairs, if any.
    public var scenarioPath: String?
    /// Seconds between NIBP readings while infusing and otherwise.
    public var nibpIntervalInfusing: TimeInterval
    public var nibpIntervalOther: TimeInterval
    /// Minimum observation time before discharge, in seconds.
    public var observationMinimum: TimeInterval
    /// Chairs the simulator never admits its own patients to: free for admissions at the station.
    public var reservedChairs: Set<ChairID>
    /// Simulated seconds a pump takes to apply a command from the station (it shows
    /// `pending` meanwhile); 2 by default.
    public var pumpCommandDelay: TimeInterval = 2

    public init(
        seed: UInt64 = 1, speed: Double = 1, scenarioPath: String? = nil,
        nibpIntervalInfusing: TimeInterval = 600, nibpIntervalOther: TimeInterval = 900,
        observationMinimum: TimeInterval = 1800, reservedChairs: Set<ChairID> = []
    ) {
        self.reservedChairs = reservedChairs
        self.seed = seed
        self.speed = speed
        self.scenarioPath = scenarioPath
        self.nibpIntervalInfusing = nibpIntervalInfusing
        self.nibpIntervalOther = nibpIntervalOther
        self.observationMinimum = observationMinimum
    }
}
