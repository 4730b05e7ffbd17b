import Testing
import InfusionCore

@Suite("Vital kinds: order, equality and hashing")
struct VitalKindTests {
    @Test("Ordering follows the display order of allCases")
    func orderFollowsAllCases() {
        let kinds = VitalKind.allCases
        #expect(kinds.sorted() == kinds)
        #expect(kinds.shuffled().sorted() == kinds)
        for (index, kind) in kinds.enumerated() {
            for other in kinds[(index + 1)...] { #expect(kind < other && !(other < kind)) }
        }
    }

    @Test("Every kind is distinct as a set and dictionary key, and equals only itself")
    func distinctKeys() {
        let kinds = VitalKind.allCases
        #expect(Set(kinds).count == kinds.count)
        let byKind = Dictionary(uniqueKeysWithValues: kinds.map { ($0, $0.rawValue) })
        for kind in kinds {
            #expect(byKind[kind] == kind.rawValue)
            #expect(kinds.filter { $0 == kind } == [kind])
        }
    }
}
