import GRDB

/// The journal's schema as named, append-only migrations.
///
/// A migration, once released, is never edited or removed: a later schema change is a new
/// named step appended here, so every existing database upgrades through the same steps.
/// Times are REAL seconds since 2001-01-01T00:00:00Z (Foundation's reference date), which
/// round-trip a `Date` exactly; `datetime(received_at + 978307200, 'unixepoch')` reads them.
enum JournalSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-events") { db in
            try db.execute(sql: """
                CREATE TABLE event (
                    sequence INTEGER PRIMARY KEY,   -- bus sequence: unique, the chain order
                    received_at REAL NOT NULL,      -- receipt time (bus clock)
                    device_time REAL,               -- the device's own time, when the payload has one
                    chair TEXT,
                    session TEXT,                   -- the payload's session, or the chair's open one
                    kind TEXT NOT NULL,             -- the payload case name
                    payload TEXT NOT NULL,          -- Codable JSON, sorted keys
                    previous_hash BLOB NOT NULL,
                    hash BLOB NOT NULL
                );
                CREATE INDEX event_chair ON event(chair, sequence);
                CREATE INDEX event_session ON event(session, sequence);
                """)
        }
        migrator.registerMigration("v1-snapshots") { db in
            try db.execute(sql: """
                CREATE TABLE snapshot (
                    sequence INTEGER PRIMARY KEY,   -- last event applied to the state
                    event_hash BLOB NOT NULL,       -- that event's chain hash, checked at recovery
                    taken_at REAL NOT NULL,         -- receipt time of that event
                    state BLOB NOT NULL             -- the encoded ClinicState (JSON)
                );
                """)
        }
        migrator.registerMigration("v2-chair-index-without-vitals") { db in
            // Nothing reads vitals by chair (reports read a session's; the audit log and
            // the report's device look-up read other kinds), and vitals are nearly every
            // row: leaving them out of this index saves an index insert per vitals row.
            // Queries by chair name the condition so that SQLite can use it
            // (`JournalSchema.chairIndexCondition`).
            try db.execute(sql: """
                DROP INDEX event_chair;
                CREATE INDEX event_chair_records ON event(chair, sequence) WHERE \(chairIndexCondition);
                """)
        }
        return migrator
    }

    /// The partial chair index's condition, to be repeated word for word in a query by
    /// chair that wants the index (SQLite proves a partial index usable only from terms
    /// it finds in the query's WHERE).
    static let chairIndexCondition = "kind <> 'vitalsObserved'"

}
