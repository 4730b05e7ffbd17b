/// The random part of a patient's vital signs: slow physiological drift plus small
/// measurement noise, all drawn from the patient's seeded generator.
///
/// The drift processes are Ornstein–Uhlenbeck (see `OrnsteinUhlenbeckProcess`); measurement
/// noise is white and redrawn at every step, so `VirtualPatient.currentPhysiology()` can stay
/// a pure read. Every step draws the same number of random numbers whatever the drug does,
/// so two runs with the same seed see identical noise, with or without an infusion.
///
/// Amplitudes (stationary standard deviation of the drift, correlation time, measurement
/// noise) are chosen to look like a resting adult on a bedside monitor:
///
/// | vital | drift σ | τ | measurement σ |
/// |---|---|---|---|
/// | heart rate | 3 bpm | 8 min | 1 bpm |
/// | blood pressure (shared) | 4 mmHg systolic, 0.6 × that diastolic | 15 min | 2.5 / 2 mmHg |
/// | diastolic (own) | 1.5 mmHg | 15 min | — |
/// | SpO2 deficit (log scale) | 0.12 | 5 min | 0.15 % |
/// | respiratory rate | 1 /min | 8 min | 0.5 /min |
/// | EtCO2 | 1.5 mmHg | 10 min | 0.7 mmHg |
/// | temperature | 0.1 °C | 60 min | 0.03 °C |
struct PhysiologicalNoise: Sendable, Equatable {
    private(set) var heartRateDrift: OrnsteinUhlenbeckProcess
    private(set) var pressureDrift: OrnsteinUhlenbeckProcess
    private(set) var diastolicDrift: OrnsteinUhlenbeckProcess
    /// Drift of log(100 − SpO2): keeps SpO2 below 100 % and its dips proportional.
    private(set) var spo2DeficitLogDrift: OrnsteinUhlenbeckProcess
    private(set) var respiratoryRateDrift: OrnsteinUhlenbeckProcess
    private(set) var etco2Drift: OrnsteinUhlenbeckProcess
    private(set) var temperatureDrift: OrnsteinUhlenbeckProcess

    private(set) var heartRateMeasurement = 0.0
    private(set) var systolicMeasurement = 0.0
    private(set) var diastolicMeasurement = 0.0
    private(set) var spo2Measurement = 0.0
    private(set) var respiratoryRateMeasurement = 0.0
    private(set) var etco2Measurement = 0.0
    private(set) var temperatureMeasurement = 0.0

    /// How much of the shared pressure drift the diastolic pressure follows.
    static let diastolicShareOfPressureDrift = 0.6

    /// Draws the initial drift (from its stationary distribution) and measurement noise.
    init(generator: inout SeededGenerator) {
        func drift(_ sigma: Double, minutes: Double) -> OrnsteinUhlenbeckProcess {
            OrnsteinUhlenbeckProcess(
                standardDeviation: sigma, timeConstantSeconds: minutes * 60, generator: &generator)
        }
        heartRateDrift = drift(3, minutes: 8)
        pressureDrift = drift(4, minutes: 15)
        diastolicDrift = drift(1.5, minutes: 15)
        spo2DeficitLogDrift = drift(0.12, minutes: 5)
        respiratoryRateDrift = drift(1, minutes: 8)
        etco2Drift = drift(1.5, minutes: 10)
        temperatureDrift = drift(0.1, minutes: 60)
        redrawMeasurementNoise(generator: &generator)
    }

    /// Moves every drift forward by `seconds` and redraws the measurement noise.
    mutating func advance(seconds: Double, generator: inout SeededGenerator) {
        heartRateDrift.advance(seconds: seconds, generator: &generator)
        pressureDrift.advance(seconds: seconds, generator: &generator)
        diastolicDrift.advance(seconds: seconds, generator: &generator)
        spo2DeficitLogDrift.advance(seconds: seconds, generator: &generator)
        respiratoryRateDrift.advance(seconds: seconds, generator: &generator)
        etco2Drift.advance(seconds: seconds, generator: &generator)
        temperatureDrift.advance(seconds: seconds, generator: &generator)
        redrawMeasurementNoise(generator: &generator)
    }

    private mutating func redrawMeasurementNoise(generator: inout SeededGenerator) {
        heartRateMeasurement = generator.nextGaussian(standardDeviation: 1)
        systolicMeasurement = generator.nextGaussian(standardDeviation: 2.5)
        diastolicMeasurement = generator.nextGaussian(standardDeviation: 2)
        spo2Measurement = generator.nextGaussian(standardDeviation: 0.15)
        respiratoryRateMeasurement = generator.nextGaussian(standardDeviation: 0.5)
        etco2Measurement = generator.nextGaussian(standardDeviation: 0.7)
        temperatureMeasurement = generator.nextGaussian(standardDeviation: 0.03)
    }

    /// Total noise on the heart rate, bpm.
    var heartRate: Double { heartRateDrift.value + heartRateMeasurement }
    /// Total noise on the systolic pressure, mmHg.
    var systolic: Double { pressureDrift.value + systolicMeasurement }
    /// Total noise on the diastolic pressure, mmHg.
    var diastolic: Double {
        Self.diastolicShareOfPressureDrift * pressureDrift.value + diastolicDrift.value
            + diastolicMeasurement
    }
    /// Log of the factor the drift puts on the SpO2 deficit (100 − SpO2).
    var spo2DeficitLog: Double { spo2DeficitLogDrift.value }
    /// Measurement noise on SpO2, percentage points.
    var spo2: Double { spo2Measurement }
    /// Total noise on the respiratory rate, /min.
    var respiratoryRate: Double { respiratoryRateDrift.value + respiratoryRateMeasurement }
    /// Total noise on EtCO2, mmHg.
    var etco2: Double { etco2Drift.value + etco2Measurement }
    /// Total noise on the temperature, °C.
    var temperature: Double { temperatureDrift.value + temperatureMeasurement }
}
