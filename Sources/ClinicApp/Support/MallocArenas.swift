#if canImport(Glibc)
    import Glibc
#endif

/// One malloc arena for the whole process, unless the operator set `MALLOC_ARENA_MAX`.
///
/// Why: glibc gives each thread that allocates its own arena (up to eight per core), and
/// each arena keeps its free memory. The station's few threads (the UI loop, the journal's
/// writer and row builder, the device event loops, Dispatch's workers) then hold ~2.2 MiB
/// more resident than one shared arena does (21.5 vs 23.7 MiB in the demo, BENCHMARKS.md
/// section 3), against issue #8's 25 MiB. At the station's rates the threads allocate
/// little, and glibc's per-thread cache serves most allocations without the arena's lock.
/// Call it first thing in `main`, before any thread starts.
public enum MallocArenas {
    /// Limits malloc to one arena; returns whether it did (false when `MALLOC_ARENA_MAX`
    /// is set, which the operator's setting then decides, or off glibc).
    @discardableResult
    public static func limitToOne(environmentValue: String? = Self.environmentValue()) -> Bool {
        guard environmentValue == nil else { return false }
        #if canImport(Glibc)
            // `mallopt` is declared in <malloc.h>, which the Glibc module does not include.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            return mallopt(mArenaMax, 1) == 1
        #else
            return false
        #endif
    }

    /// `M_ARENA_MAX` from glibc's <malloc.h>.
    static let mArenaMax: Int32 = -8

    /// `MALLOC_ARENA_MAX` as the process was started with it.
    public static func environmentValue() -> String? {
        getenv("MALLOC_ARENA_MAX").map { String(cString: $0) }
    }
}
