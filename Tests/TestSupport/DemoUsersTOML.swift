/// The demo clinic's two users (`dr.demo` / 2468, physician; `rn.demo` / 1357, nurse) as
/// `[[user]]` tables, for end-to-end tests that start the program with a clinic file of
/// their own: the same hashes the demo ships, so the README's IDs and PINs work.
public enum DemoUsersTOML {
    public static let entries = """
        [[user]]
        id = "dr.demo"
        name = "Dr. Demo Physician"
        role = "physician"
        pin_hash = "pbkdf2-sha256$210000$e7HjBpShLg5EJAGwgFIeHA==$Q14hqcsHkhvJNPGYI46mi97Uofk42S0QbYemwFSwLcQ="

        [[user]]
        id = "rn.demo"
        name = "Demo Nurse"
        role = "nurse"
        pin_hash = "pbkdf2-sha256$210000$WFa3uNoa+g+OJjcM49VhAw==$YmVTQMmIzz7W5hghg0gE++omuUdWiLDJVOjhkYC8sl8="

        """
}
