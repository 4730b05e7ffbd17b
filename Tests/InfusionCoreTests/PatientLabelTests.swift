import InfusionCore
import Testing

@Suite("The patient's short label on the board")
struct PatientLabelTests {
    @Test("initials of the first two words, then the MRN's last four", arguments: [
        ("Alex Taylor", "KC10001", "A.T. 0001"),
        ("Taylor, Alex Jordan", "KC10002", "T.A. 0002"),
        ("  Mary   Ann Smith", "99", "M.A. 99"),
        ("Émile Zola", "MRN7777", "É.Z. 7777"),
        ("Cher", "12345", "C. 2345"),
        ("", "0001", " 0001"),
    ])
    func label(name: String, mrn: String, expected: String) {
        #expect(PatientIdentity(mrn: mrn, name: name, dateOfBirth: "1980-01-01").shortLabel == expected)
    }
}
