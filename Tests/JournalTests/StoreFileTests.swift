import EventBus
import Foundation
import GRDB
import InfusionCore
import Testing
@testable import Journal

@Suite("The database file and its migrations")
struct StoreFileTests {
    static func mode(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("the file is 0600, its new directory 0700, in WAL mode")
    func modes() throws {
        let directory = TemporaryDirectory()
        let store = try JournalStore(path: directory.journalPath)
        #expect(try Self.mode(directory.journalPath) == 0o600)
        #expect(try Self.mode(directory.journalPath.deletingLastPathComponent()) == 0o700)
        let mode = try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let wal = URL(fileURLWithPath: directory.journalPath.path + "-wal")
        if FileManager.default.fileExists(atPath: wal.path) { #expect(try Self.mode(wal) == 0o600) }
    }

    @Test("a new journal is synced once, by its first write; a reopened one needs nothing")
    func creationSync() throws {
        let directory = TemporaryDirectory()
        let store = try JournalStore(path: directory.journalPath)
        #expect(store.isAwaitingCreationSync)
        let synchronous = { try store.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } }
        #expect(try synchronous() == 0)  // OFF while the new file is set up
        try store.completeCreation()
        #expect(!store.isAwaitingCreationSync)
        #expect(try synchronous() == 1)  // NORMAL from then on
        let tables = try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(Set(tables).isSuperset(of: ["event", "snapshot"]))
        let walSize = try FileManager.default.attributesOfItem(atPath: directory.journalPath.path + "-wal")[.size] as? NSNumber
        #expect(walSize?.intValue == 0)  // the schema was checkpointed into the database file
        let reopened = try JournalStore(path: directory.journalPath)
        #expect(!reopened.isAwaitingCreationSync)
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 1)
    }

    @Test("the writer makes a new journal durable before its first event")
    func writerCompletesCreation() throws {
        let harness = try JournalHarness()
        #expect(harness.store.isAwaitingCreationSync)
        harness.publish(EventFixtures.randomStream(seed: 2, count: 5))
        try harness.writer.flush()
        #expect(!harness.store.isAwaitingCreationSync)
        #expect(try harness.storedSequences().count == Int(harness.bus.lastSequence))
        #expect(harness.bus.lastSequence >= 5)
    }

    @Test("queries by chair for records other than vitals use the chair index, which holds no vitals")
    func chairQueriesUseThePartialIndex() throws {
        let harness = try JournalHarness()
        harness.publish(EventFixtures.randomStream(seed: 12, count: 300))
        try harness.writer.flush()
        let plan = { (sql: String) in
            try harness.store.read { db in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined() }
        }
        #expect(try plan("SELECT sequence FROM event WHERE chair = 'CHAIR-1' AND \(JournalSchema.chairIndexCondition)")
            .contains("event_chair_records"))
        let inIndex = try harness.store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event INDEXED BY event_chair_records WHERE \(JournalSchema.chairIndexCondition) AND chair IS NOT NULL") ?? -1
        }
        let records = try harness.store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE kind <> 'vitalsObserved' AND chair IS NOT NULL") ?? -2
        }
        #expect(inIndex == records)
        let vitals = try harness.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE kind = 'vitalsObserved'") ?? 0 }
        #expect(vitals > 0)  // the stream has vitals, and they are not in the index
        // The readers' results are unchanged: by chair and kinds, and the audit log by chair.
        let registered = try harness.store.events(filter: EventFilter(chair: ChairID("CHAIR-1"), kinds: ["deviceRegistered"]))
        #expect(!registered.isEmpty)
        #expect(registered.allSatisfy { if case .deviceRegistered = $0.payload { true } else { false } })
        let withVitals = try harness.store.events(filter: EventFilter(chair: ChairID("CHAIR-1"), kinds: ["vitalsObserved"]))
        #expect(!withVitals.isEmpty)
    }

    @Test("an existing file with a looser mode is tightened to 0600")
    func tightens() throws {
        let directory = TemporaryDirectory()
        let path = directory.url.appendingPathComponent("journal.sqlite")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.url.path)
        #expect(FileManager.default.createFile(atPath: path.path, contents: nil, attributes: [.posixPermissions: 0o644]))
        _ = try JournalStore(path: path)
        #expect(try Self.mode(path) == 0o600)
        #expect(try Self.mode(directory.url) == 0o755)  // an existing directory is left alone
    }

    @Test("an empty database is migrated through every named step")
    func migratesEmpty() throws {
        let directory = TemporaryDirectory()
        let store = try JournalStore(path: directory.journalPath)
        let applied = try store.read { db in try JournalSchema.migrator.appliedIdentifiers(db) }
        #expect(applied == ["v1-events", "v1-snapshots", "v2-chair-index-without-vitals"])
        #expect(try store.eventCount() == 0)
    }

    @Test("a previous-version database keeps its rows and gains the later steps")
    func migratesPreviousVersion() throws {
        let directory = TemporaryDirectory()
        let path = directory.url.appendingPathComponent("old.sqlite")
        // The schema as "v1-events" alone created it, with one record, made by hand.
        let payload = #"{"clinicNamed":{"_0":"Old Clinic"}}"#
        let receivedAt = 763_000_000.5
        let hash = ChainHash.hash(previous: ChainHash.genesis, sequence: 1, receivedAt: receivedAt, payload: Data(payload.utf8))
        let queue = try DatabaseQueue(path: path.path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1-events');
                CREATE TABLE event (
                    sequence INTEGER PRIMARY KEY, received_at REAL NOT NULL, device_time REAL, chair TEXT,
                    session TEXT, kind TEXT NOT NULL, payload TEXT NOT NULL, previous_hash BLOB NOT NULL, hash BLOB NOT NULL);
                CREATE INDEX event_chair ON event(chair, sequence);
                CREATE INDEX event_session ON event(session, sequence);
                """)
            try db.execute(
                sql: "INSERT INTO event VALUES (1, ?, NULL, NULL, NULL, 'clinicNamed', ?, ?, ?)",
                arguments: [receivedAt, payload, ChainHash.genesis, hash])
        }
        try queue.close()

        let store = try JournalStore(path: path)
        #expect(try store.read { db in try JournalSchema.migrator.appliedIdentifiers(db) }
            == ["v1-events", "v1-snapshots", "v2-chair-index-without-vitals"])
        let indexes = try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event'") }
        #expect(Set(indexes) == ["event_chair_records", "event_session"])
        let recovered = try JournalRecovery.load(from: store)
        #expect(recovered.state.clinicName == "Old Clinic")
        #expect(recovered.lastSequence == 1)
        #expect(try JournalAudit.verify(databasePath: path).verifiedCount == 1)
    }

    @Test("a new journal has 16 KiB pages; an old one keeps its own; both checkpoint at ~40 MB of WAL")
    func pageSizes() throws {
        let directory = TemporaryDirectory()
        let pragma = { (store: JournalStore, name: String) in try store.read { db in try Int.fetchOne(db, sql: "PRAGMA \(name)") } }
        let fresh = try JournalStore(path: directory.journalPath)
        #expect(try pragma(fresh, "page_size") == 16_384)
        #expect(try pragma(fresh, "wal_autocheckpoint") == 2_500)
        #expect(try pragma(fresh, "cache_size") == -1_024)

        let oldPath = directory.url.appendingPathComponent("old-4k.sqlite")
        let queue = try DatabaseQueue(path: oldPath.path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE early (x)") }  // made with SQLite's default pages
        try queue.close()
        let old = try JournalStore(path: oldPath)
        #expect(try pragma(old, "page_size") == 4_096)
        #expect(try pragma(old, "wal_autocheckpoint") == 10_000)
        #expect(try pragma(old, "cache_size") == -1_024)
        #expect(try old.eventCount() == 0)
    }
}
