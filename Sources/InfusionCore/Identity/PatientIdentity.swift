/// Who the patient is: two identifiers, as clinics require before any infusion.
public struct PatientIdentity: Hashable, Codable, Sendable {
    /// Medical record number.
    public var mrn: String
    /// Family and given name as recorded.
    public var name: String
    /// Date of birth as `YYYY-MM-DD`.
    public var dateOfBirth: String

    public init(mrn: String, name: String, dateOfBirth: String) {
        self.mrn = mrn
        self.name = name
        self.dateOfBirth = dateOfBirth
    }

    /// A short label for a tile: initials and the last four characters of the MRN
    /// (`A.T. 0001`), enough to tell patients apart without filling the screen.
    public var shortLabel: String {
        // One pass (the board draws this for every chair, every frame): the first character
        // of each of the first two words (split at spaces and commas), each with a period.
        var label = ""
        var initials = 0
        var atWordStart = true
        for character in name where initials < 2 {
            if character == " " || character == "," {
                atWordStart = true
            } else if atWordStart {
                label.append(character)
                label.append(".")
                initials += 1
                atWordStart = false
            }
        }
        label.append(" ")
        label.append(contentsOf: mrn.suffix(4))
        return label
    }
}
