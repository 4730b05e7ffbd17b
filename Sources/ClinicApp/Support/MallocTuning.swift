#if canImport(Glibc)
    import Glibc
#endif

/// glibc malloc settings for a process that runs all day: one arena, and fixed thresholds
/// for giving memory back. Each applies unless the operator set its environment variable
/// (or tunes malloc through `GLIBC_TUNABLES`), which then decides. Call ``apply(environment:)``
/// first thing in `main`, before any thread starts.
///
/// Why (issue #8, RSS flat over a shift; BENCHMARKS.md section 3):
/// - **One arena.** glibc gives each thread that allocates its own arena (up to eight per
///   core), and each arena keeps its free memory: the station's few threads (the UI loop,
///   the journal's writer and row builder, the device event loops, Dispatch's workers) held
///   ~2.2 MiB more resident than one shared arena does. At the station's rates the threads
///   allocate little, and glibc's per-thread cache serves most allocations without the lock.
/// - **Fixed mmap and trim thresholds.** glibc starts both at 128 KiB but raises them to the
///   size of each large block freed. The journal's snapshot encodes the whole clinic state in
///   buffers of several hundred KiB every few minutes; after the first was freed, the next
///   came from the heap instead of their own mappings, and the heap's resident pages crept
///   up by ~1.7 MiB over an 8-hour shift as blocks of new sizes found no hole to fit. Held at
///   128 KiB, such buffers are mapped and returned whole, and the heap stays near its live
///   size (heap 2.8 against 4.5 MiB resident at 2.7 simulated hours, same run).
public enum MallocTuning {
    /// One of the settings, with glibc's parameter and the environment variable that overrides it.
    public enum Setting: CaseIterable, Sendable {
        case oneArena
        case fixedMmapThreshold
        case fixedTrimThreshold

        /// The variable glibc reads at start-up for the same setting.
        public var environmentVariable: String {
            switch self {
            case .oneArena: "MALLOC_ARENA_MAX"
            case .fixedMmapThreshold: "MALLOC_MMAP_THRESHOLD_"
            case .fixedTrimThreshold: "MALLOC_TRIM_THRESHOLD_"
            }
        }

        /// `M_ARENA_MAX`, `M_MMAP_THRESHOLD`, `M_TRIM_THRESHOLD` from glibc's <malloc.h>.
        var parameter: Int32 {
            switch self {
            case .oneArena: -8
            case .fixedMmapThreshold: -3
            case .fixedTrimThreshold: -1
            }
        }

        var value: Int32 {
            switch self {
            case .oneArena: 1
            case .fixedMmapThreshold, .fixedTrimThreshold: MallocTuning.thresholdBytes
            }
        }
    }

    /// Blocks this large or larger get their own mapping; free memory this large at the
    /// heap's top is returned. glibc's own starting value for both, held fixed.
    static let thresholdBytes: Int32 = 128 * 1024

    /// Applies each setting the environment leaves to the program; returns those applied.
    @discardableResult
    public static func apply(environment: (String) -> String? = Self.environmentValue) -> [Setting] {
        if let tunables = environment("GLIBC_TUNABLES"), tunables.contains("glibc.malloc.") { return [] }
        #if canImport(Glibc)
            // `mallopt` is declared in <malloc.h>, which the Glibc module does not include.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return [] }
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            return Setting.allCases.filter { setting in
                environment(setting.environmentVariable) == nil && mallopt(setting.parameter, setting.value) == 1
            }
        #else
            return []
        #endif
    }

    /// An environment variable as the process was started with it.
    public static func environmentValue(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
