import Testing
@testable import ClinicApp

@Suite("One malloc arena unless the operator chose otherwise")
struct MallocArenasTests {
    @Test("The operator's MALLOC_ARENA_MAX is left to decide")
    func operatorSettingWins() {
        #expect(MallocArenas.limitToOne(environmentValue: "4") == false)
        #expect(MallocArenas.limitToOne(environmentValue: "") == false)
    }

    @Test("Without it, glibc accepts the limit")
    func limits() {
        #expect(MallocArenas.limitToOne(environmentValue: nil))
    }
}
