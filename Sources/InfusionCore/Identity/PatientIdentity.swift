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
        let initials = name.split(whereSeparator: { $0 == " " || $0 == "," })
            .compactMap(\.first).prefix(2).map { "\($0)." }.joined()
        return "\(initials) \(mrn.suffix(4))"
    }
}
