import Testing
@testable import ClinicApp

@Suite("glibc malloc settings unless the operator chose otherwise")
struct MallocTuningTests {
    @Test("Without the operator's variables, glibc accepts all three")
    func appliesAll() {
        #expect(MallocTuning.apply(environment: { _ in nil }) == MallocTuning.Setting.allCases)
    }

    @Test("A setting the operator made is left to decide; the others still apply")
    func operatorSettingWins() {
        let arena = MallocTuning.apply(environment: { $0 == "MALLOC_ARENA_MAX" ? "4" : nil })
        #expect(arena == [.fixedMmapThreshold, .fixedTrimThreshold])
        let mmap = MallocTuning.apply(environment: { $0 == "MALLOC_MMAP_THRESHOLD_" ? "" : nil })
        #expect(mmap == [.oneArena, .fixedTrimThreshold])
    }

    @Test("Malloc tunables in GLIBC_TUNABLES leave all of it to the operator")
    func tunablesWin() {
        #expect(MallocTuning.apply(environment: { $0 == "GLIBC_TUNABLES" ? "glibc.malloc.mmap_threshold=65536" : nil }).isEmpty)
        let other = MallocTuning.apply(environment: { $0 == "GLIBC_TUNABLES" ? "glibc.pthread.rseq=0" : nil })
        #expect(other == MallocTuning.Setting.allCases)
    }
}
