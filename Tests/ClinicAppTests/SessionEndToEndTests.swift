import Foundation
import Testing
import TestSupport

/// A whole session in the real binary, in a real terminal (tmux) at 120x40: sign in, admit
/// a patient on the clinic's free chair, start a short infusion, score CADSS, record an
/// intervention and the discharge checklist, wait out observation, sign off; then
/// `sessions` and `report` show the signed session and that its signature verifies.
///
/// Simulated time runs 30 times faster ([simulation] speed), so the 5-minute infusion and
/// the 2-minute observation take about 15 real seconds. Every wait is still a real one
/// (`TmuxSession.waitFor`, bounded): the program under test is another process.
@Suite("End to end: a session from admission to signed discharge", .serialized, .enabled(if: TmuxSession.isAvailable))
struct SessionEndToEndTests {
    let binary = BuiltProduct.infusionCentral()
    let home: URL
    let database: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("ic-session-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        database = home.appendingPathComponent("journal.sqlite")
    }

    /// Three simulated chairs; CHAIR-03 is kept free for the station. The demo users' PIN
    /// hashes (`DemoUsers`: dr.demo 2468, rn.demo 1357). The idle lock runs on the simulated
    /// clock, so at speed 30 its default 5 minutes would be 10 real seconds: set long here.
    func writeClinic() throws -> URL {
        let url = home.appendingPathComponent("clinic.toml")
        try ("""
        [clinic]
        name = "E2E Session Clinic"

        [[chair]]
        id = "CHAIR-01"

        [[chair]]
        id = "CHAIR-02"

        [[chair]]
        id = "CHAIR-03"

        [simulation]
        seed = 5
        speed = 30
        reserved_chairs = ["CHAIR-03"]

        [sign_off]
        observation_minimum = "2m"

        [access]
        idle_timeout = "600m"

        """ + DemoUsersTOML.entries).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func start() throws -> TmuxSession {
        #expect(FileManager.default.isExecutableFile(atPath: binary), "build the package first: \(binary)")
        let themes = BuiltProduct.themesDirectory
        return try TmuxSession(
            arguments: [binary, "--config", try writeClinic().path, "--themes-dir", themes, "--no-sound", "--db", database.path],
            width: 120, height: 40, environment: BuiltProduct.isolatedEnvironment(home: home))
    }

    /// Runs a subcommand of the binary (`sessions`, `report`, `audit verify`).
    func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await ProgramRun.run(binary, arguments, home: home)
    }

    @Test("Admit, start, complete, CADSS, checklist, sign off; the report shows the signed session")
    func wholeSession() async throws {
        let session = try start()
        defer { session.close() }
        let form = FormDriver(session: session)
        let board = await session.waitFor { BoardTile.lines(of: 3, in: $0).first?.contains("free") == true }
        #expect(BoardTile.lines(of: 3, in: board).first?.contains("free") == true, "the reserved chair is free:\n\(board)")

        try session.send("i")
        await session.waitFor("Sign in")
        try session.type("dr.demo")
        try session.send("Enter")
        try session.type("2468")
        try session.send("Enter")
        await session.waitFor("Signed in: Dr. Demo Physician")

        // Admission: two identifiers, weight; the protocol is changed to a short order
        // (0.05 mg/kg over 5 min = 0.60 mg/kg/h); baseline vitals typed.
        try session.send("3")
        try session.send("n")
        await session.waitFor("CHAIR-03: admit patient")
        try await form.fill("MRN", "MRN-E2E-1")
        try await form.fill("Name (family, given)", "Tester, Ada")
        try await form.fill("Date of birth", "1980-04-02")
        try await form.fill("Weight kg (never lb)", "70")
        for label in ["Weighed on", "Drug", "Concentration mg/mL"] { try await form.accept(label) }
        try await form.fill("Dose mg/kg", "0.05")
        try await form.fill("Over minutes", "5")
        for (label, value) in [("Baseline HR", "72"), ("Baseline SYS", "120"), ("Baseline DIA", "76"), ("Baseline SpO2", "98")] {
            try await form.fill(label, value)
        }
        try await form.accept("Reason if BP above limit")
        try await form.submit()
        // A baseline above the clinic's limit asks for a reason: give one if asked.
        let admitted = await session.waitFor { $0.contains("Admitted T.A.") || $0.contains("give a reason to go on") }
        if admitted.contains("give a reason to go on") {
            try await form.fill("Reason if BP above limit", "repeat reading normal, physician aware")
            try await form.submit()
        }
        let admittedTile = await session.waitFor { BoardTile.lines(of: 3, in: $0).first?.contains("ADMITTED") == true }
        #expect(BoardTile.lines(of: 3, in: admittedTile).first?.contains("T.A.") == true, "\(admittedTile)")

        // Start: a physician's confirmation showing the order in mg/kg, mg, mg/kg/h and mL/h.
        try session.send("p")
        // The frame may be captured mid-write: wait for the dialog's last order line too.
        let order = await session.waitFor { $0.contains("START CHAIR-03") && $0.contains("70.0 kg") }
        #expect(order.contains("0.05 mg/kg = 3.5 mg over 5 min"), "\(order)")
        #expect(order.contains("0.60 mg/kg/h = 42.0 mL/h at 1.00 mg/mL, 70.0 kg"), "\(order)")
        try session.send("Enter")
        let infusing = await session.waitFor { screen in
            let tile = BoardTile.lines(of: 3, in: screen)
            return tile.first?.contains("INFUSING") == true && tile.contains { $0.contains("0.60mg/kg/h 42.0mL/h") }
        }
        #expect(BoardTile.lines(of: 3, in: infusing).contains { $0.contains("0.60mg/kg/h 42.0mL/h") }, "\(infusing)")

        // CADSS-6 (six items, 1 each) and an intervention while it runs.
        try session.send("c")
        await session.waitFor("CHAIR-03: dissociation score")
        for item in ["1 Detached / unreal", "2 Things look different", "3 Body changed", "4 Time changed",
                     "5 Sounds changed", "6 Memory gaps"] {
            try await form.fill(item, "1")
        }
        try await form.submit()
        await session.waitFor("Recorded")
        try session.send("v")
        await session.waitFor("CHAIR-03: intervention / adverse event")
        try await form.fill("Kind", "1")
        try await form.fill("What was given or seen", "ondansetron 4 mg IV")
        try await form.accept("Adverse event?")
        try await form.submit()

        // The pump completes the 5 simulated minutes (10 real seconds): a real wait.
        let observing = await session.waitFor(deadline: 60) { screen in
            BoardTile.lines(of: 3, in: screen).first.map { $0.contains("OBSERVE") || $0.contains("COMPLETE") } == true
        }
        #expect(BoardTile.lines(of: 3, in: observing).contains { $0.contains("pump DONE") }, "\(observing)")
        #expect(BoardTile.lines(of: 3, in: observing).contains { $0.contains("Dose 3.5/3.5mg") }, "\(observing)")

        // The discharge checklist, item by item.
        try await checklist(form, item: "1", title: "CHAIR-03: modified Aldrete") {
            for label in ["Activity", "Respiration", "Circulation", "Consciousness", "Oxygen saturation"] {
                try await form.fill(label, "2")
            }
        }
        try await checklist(form, item: "2", title: "Dissociation has resolved?") {}
        try await checklist(form, item: "3", title: "The IV has been removed") {}
        try await checklist(form, item: "4", title: "CHAIR-03: escort") { try await form.fill("Escort's name", "Bob Tester") }

        // Observation (2 simulated minutes) must pass before READY: a real wait.
        let ready = await session.waitFor(deadline: 60) { BoardTile.lines(of: 3, in: $0).first?.contains("READY") == true }
        #expect(BoardTile.lines(of: 3, in: ready).first?.contains("READY") == true, "\(ready)")

        let summary = try await openSignOff(session)
        #expect(summary.contains("Tester, Ada (MRN MRN-E2E-1, born 1980-04-02)"), "\(summary)")
        #expect(summary.contains("Given 3.5 mg of 3.5 mg"), "\(summary)")
        #expect(summary.contains("Vitals vs baseline") && summary.contains("HR ") && summary.contains(" vs 72 "), "\(summary)")
        #expect(summary.contains("Aldrete 10; escort Bob Tester"), "\(summary)")
        #expect(summary.contains("Signer: Dr. Demo Physician (Physician)"), "\(summary)")
        #expect(summary.contains("Meaning: Reviewed and approved for discharge"), "\(summary)")
        try await form.fill("ID", "dr.demo")
        try await form.fill("PIN", "2468")
        let review = await session.waitFor("PIN: ****")
        #expect(!review.contains("2468"), "the PIN is never drawn:\n\(review)")
        try await form.submit()
        let signed = await session.waitFor { $0.contains("Signed off by Dr. Demo Physician") && $0.contains("is free") }
        #expect(signed.contains("CHAIR-03 is free"), "\(signed)")
        let free = await session.waitFor { BoardTile.lines(of: 3, in: $0).first?.contains("free") == true }
        #expect(BoardTile.lines(of: 3, in: free).first?.contains("free") == true, "the chair shows free:\n\(free)")

        try session.send("q")
        if await session.waitFor(deadline: 10, { $0.contains("(y/n)") || $0.contains("EXITED:") }).contains("(y/n)") {
            try session.send("y")
        }
        #expect(await session.waitFor("EXITED:").contains("EXITED:0"))
        try await checkRecords()
    }

    /// `d`, pick `item`, review, then fill the item's own form (`title`) and submit it.
    func checklist(_ form: FormDriver, item: String, title: String, fill: () async throws -> Void) async throws {
        try form.session.send("d")
        await form.session.waitFor("CHAIR-03: discharge checklist")
        try await form.fill("Record", item)
        try await form.submit()
        await form.session.waitFor(title)
        try await fill()
        try await form.submit()
        await form.session.waitFor("Recorded")
    }

    /// `D`, retried as a clinician would while the gate refuses (vitals settling, observation).
    func openSignOff(_ session: TmuxSession) async throws -> String {
        let end = Date().addingTimeInterval(60)
        while true {
            try session.send("D")
            let screen = await session.waitFor { $0.contains("sign off session") || $0.contains("sign-off REFUSED") }
            if screen.contains("sign off session") || Date() > end { return screen }
            try session.send("Escape")
            // The gate refused (the list is on screen): give the patient a few simulated minutes.
            await session.waitFor(deadline: 3) { _ in false }
        }
    }

    /// The journal after the run: the session is listed as signed, and its report says so.
    func checkRecords() async throws {
        let sessions = try await run(["sessions", "--db", database.path])
        #expect(sessions.status == 0, "\(sessions.output)")
        let line = try #require(sessions.output.split(separator: "\n").first { $0.contains("MRN-E2E-1") },
                                "the session is listed:\n\(sessions.output)")
        #expect(line.contains("CHAIR-03") && line.contains("SIGNED") && line.contains("Dr. Demo Physician"), "\(line)")
        let id = String(try #require(line.split(separator: " ").first))

        let text = try await run(["report", id, "--format", "text", "--db", database.path])
        #expect(text.status == 0, "\(text.output)")
        for expected in [
            "Status:        SIGNED", "Patient:       Tester, Ada, MRN MRN-E2E-1, born 1980-04-02",
            "Ketamine 0.05 mg/kg over 05:00 at 1.00 mg/mL = 0.60 mg/kg/h", "3.5 mg (0.05 mg/kg) of 3.5 mg planned",
            "Infusion complete", "Ready for discharge", "total 6/24", "ondansetron 4 mg IV",
            "Modified Aldrete score: 10/10", "Responsible adult escort: Bob Tester",
            "Signed by:     Dr. Demo Physician (dr.demo)", "Meaning:       Reviewed and approved for discharge", "VERIFIES",
        ] {
            #expect(text.output.contains(expected), "report text lacks \(expected):\n\(text.output)")
        }
        #expect(!text.output.contains("NOT SIGNED"), "\(text.output)")

        let json = try await run(["report", id, "--format", "json", "--db", database.path])
        #expect(json.status == 0, "\(json.output)")
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let signature = try #require(object?["signature"] as? [String: Any], "\(json.output)")
        #expect(signature["signerID"] as? String == "dr.demo")
        #expect(signature["verifies"] as? Bool == true)
        #expect(object?["status"] as? String == "signed")

        let verify = try await run(["audit", "verify", "--db", database.path])
        #expect(verify.status == 0, "the chain and the signature binding verify:\n\(verify.output)")
        #expect(verify.output.contains("1 signatures bound"), "\(verify.output)")
    }
}

/// Fills a `FormDialog` by its labels: waits for the field's cursor (`► Label:`), clears
/// what is prefilled, types, and presses Enter. Waiting for the cursor keeps keys from
/// running ahead of the program (a real wait, bounded).
struct FormDriver {
    let session: TmuxSession
    /// Backspaces enough to clear any prefilled value (numbers take at most 12 characters).
    static let longestPrefill = 16

    func fill(_ label: String, _ value: String) async throws {
        await session.waitFor("► \(label):", deadline: 15)
        for _ in 0..<Self.longestPrefill { try session.send("BSpace") }
        try session.type(value)
        try session.send("Enter")
    }

    /// Keeps the field's (prefilled) value.
    func accept(_ label: String) async throws {
        await session.waitFor("► \(label):", deadline: 15)
        try session.send("Enter")
    }

    /// Enter on the review (all fields shown): submits.
    func submit() async throws {
        await session.waitFor("Enter submits", deadline: 15)
        try session.send("Enter")
    }
}
