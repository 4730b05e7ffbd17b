/// The demo clinic's two users, for trying the station (the README gives their PINs).
///
/// | ID | PIN | role |
/// |---|---|---|
/// | `dr.demo` | `2468` | physician |
/// | `rn.demo` | `1357` | nurse |
///
/// The hashes were made once with PBKDF2-HMAC-SHA256, 210,000 iterations and a random
/// 16-byte salt (the same format `infusion-central user add` prints). Only the built-in
/// demo clinic has these users; a clinic's own configuration has none unless it adds them.
public enum DemoUsers {
    public static let physician = UserAccount(
        id: UserID("dr.demo"), printedName: "Dr. Demo Physician", role: .physician,
        pinHash: "pbkdf2-sha256$210000$e7HjBpShLg5EJAGwgFIeHA==$Q14hqcsHkhvJNPGYI46mi97Uofk42S0QbYemwFSwLcQ=")

    public static let nurse = UserAccount(
        id: UserID("rn.demo"), printedName: "Demo Nurse", role: .nurse,
        pinHash: "pbkdf2-sha256$210000$WFa3uNoa+g+OJjcM49VhAw==$YmVTQMmIzz7W5hghg0gE++omuUdWiLDJVOjhkYC8sl8=")

    public static let all = [physician, nurse]
}
