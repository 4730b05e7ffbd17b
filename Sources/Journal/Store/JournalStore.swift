public import Foundation
import GRDB
import Synchronization

/// The journal's SQLite database: one file in WAL mode, owner-only, migrated on open.
///
/// The file is created with mode 0600 and, when its directory does not exist yet, the
/// directory with 0700 (an existing directory's mode is left alone: `--db /tmp/x.sqlite`
/// must not chmod `/tmp`). SQLite gives the `-wal` and `-shm` files the database file's
/// mode. Writes go through ``JournalWriter``; this type only stores and reads rows.
public final class JournalStore: Sendable {
    /// The database file.
    public let path: URL
    /// WAL bytes after which the writer's own commit checkpoints, should the background
    /// checkpoints fall behind (about 40 MB; SQLite counts it in pages of the file's size).
    static let walCheckpointBytes = 40_960_000
    /// The page size of a new journal. Vitals rows are nearly all of the writes, and SQLite
    /// writes each WAL frame (one page) with its own calls: at 4 KiB a batch of 1,000 rows
    /// was ~170 frames and ~345 `pwrite`s, at 16 KiB a quarter of them, which raised the
    /// inserts' rate on this machine by 40-50 % (docs/benchmarks.md, "Journal"). An existing
    /// journal keeps the size it was created with.
    static let newJournalPageSize = 16_384
    /// The writer's page cache in KiB (SQLite's default is 2,000). The writer appends: what
    /// it touches again are the right edges of the event table and its indexes, a few dozen
    /// pages. The default let the station's resident set grow by 1.5 MiB in the first hour
    /// of a shift while the cache filled with the journal's past (issue #8, BENCHMARKS.md
    /// section 3).
    static let writerCacheKiB = 1_024
    let database: DatabaseQueue
    /// A journal created by this store, not yet synced (see ``completeCreation()``).
    private let needsCreationSync: Mutex<Bool>
    /// The checkpointer's own connection, opened at its first checkpoint.
    private let checkpointConnection = Mutex<DatabaseQueue?>(nil)

    /// Opens (creating and migrating if needed) the journal at `path`.
    ///
    /// - Parameters:
    ///   - readOnly: Opens without creating or migrating anything (audit, tests of a
    ///     read-only journal); writes then fail with SQLite's "readonly database" error.
    ///   - busyTimeout: How long a write waits for another process's lock before failing,
    ///     in seconds; 0 fails at once.
    public init(path: URL, readOnly: Bool = false, busyTimeout: TimeInterval = 0.1) throws(JournalError) {
        self.path = path
        // A new journal is set up without a sync per step (the switch to WAL and each
        // migration each synced: about 5 syncs, most of the empty-journal first frame),
        // then made durable once, before its first event is written (`completeCreation`).
        let isNew = !readOnly && Self.isEmptyOrMissing(path)
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.journalMode = readOnly || isNew ? .default : .wal
        configuration.busyMode = busyTimeout > 0 ? .timeout(busyTimeout) : .immediateError
        configuration.label = "journal"
        configuration.prepareDatabase { db in
            guard !readOnly else { return }
            if isNew {
                try db.execute(sql: "PRAGMA page_size = \(Self.newJournalPageSize)")
                try db.execute(sql: "PRAGMA synchronous = OFF")
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw JournalError.unavailable("cannot switch \(path.path) to WAL mode")
                }
            } else {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            // The writer checkpoints only as a backstop, past ~40 MB of WAL: checkpoints are
            // run beside it on their own connection (`checkpoint()`), so their syncs do not
            // fall on the writer's path.
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? Self.newJournalPageSize
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.walCheckpointBytes / max(pageSize, 512))")
            try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
        }
        do {
            if readOnly {
                guard FileManager.default.fileExists(atPath: path.path) else {
                    throw JournalError.unavailable("no journal at \(path.path)")
                }
            } else {
                try Self.prepareFile(at: path)
            }
            database = try DatabaseQueue(path: path.path, configuration: configuration)
            if !readOnly { try JournalSchema.migrator.migrate(database) }
            needsCreationSync = Mutex(isNew)
        } catch let error as JournalError {
            throw error
        } catch {
            throw JournalError.unavailable(Self.describe(error))
        }
    }

    /// Whether `path` has no database yet (no file, or an empty one).
    static func isEmptyOrMissing(_ path: URL) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path.path)[.size] as? NSNumber)?.intValue
        return (size ?? 0) == 0
    }

    /// Makes a journal this store created durable before its first event is written: copies
    /// the schema into the database file and syncs it (a full checkpoint), then sets the
    /// writing mode every later open uses. Does nothing for a journal that already existed
    /// or once done. The writer calls it at the top of every write, so the syncs of a new
    /// journal never delay the first frame, and no event is ever written before them.
    func completeCreation() throws(JournalError) {
        try needsCreationSync.withLock { (pending: inout Bool) throws(JournalError) in
            guard pending else { return }
            do {
                try database.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                    try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                    try db.execute(sql: "PRAGMA synchronous = NORMAL")
                }
            } catch {
                throw JournalError.writeFailed(Self.describe(error))
            }
            pending = false
        }
    }

    /// Copies what the WAL holds into the database file (`wal_checkpoint(PASSIVE)`) on a
    /// connection of its own, so that the writer's connection never has to: a checkpoint
    /// syncs the file and, run by the writer, stalled its batch (and any durable action
    /// waiting behind it). Concurrent with the writer; called from a background queue.
    func checkpoint() throws(JournalError) {
        do {
            try checkpointConnection.withLock { connection in
                if connection == nil {
                    var configuration = Configuration()
                    configuration.busyMode = .timeout(1)
                    configuration.label = "journal-checkpoint"
                    connection = try DatabaseQueue(path: path.path, configuration: configuration)
                }
                try connection?.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
            }
        } catch {
            throw JournalError.writeFailed(Self.describe(error))
        }
    }

    /// Whether this store created the journal and has not yet made it durable.
    var isAwaitingCreationSync: Bool { needsCreationSync.withLock { $0 } }

    /// Creates the directory (0700) and the empty file (0600) if missing; forces 0600 on
    /// an existing file.
    static func prepareFile(at path: URL) throws {
        let manager = FileManager.default
        let directory = path.deletingLastPathComponent()
        if !manager.fileExists(atPath: directory.path) {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        }
        if !manager.fileExists(atPath: path.path) {
            guard manager.createFile(atPath: path.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw JournalError.unavailable("cannot create \(path.path)")
            }
        }
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path.path)
    }

    /// A short, readable reason for a SQLite or file error ("database is locked").
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "SQLite error \(error.resultCode)" }
        if let error = error as? JournalError { return error.reason }
        return String(describing: error)
    }

    // MARK: - Events

    /// The last committed record, or ``ChainTip/empty`` for a new journal.
    func chainTip() throws(JournalError) -> ChainTip {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM event ORDER BY sequence DESC LIMIT 1") else {
                return ChainTip.empty
            }
            return ChainTip(sequence: UInt64(row[0] as Int64), hash: row[1])
        }
    }

    /// Appends rows in one transaction; `durable` commits with `synchronous = FULL` (the
    /// WAL is synced to disk before this returns) instead of the default NORMAL.
    func append(_ rows: [EventRow], durable: Bool) throws(JournalError) {
        guard !rows.isEmpty else { return }
        var pending: [EventRow]? = rows
        _ = try append(durable: durable) { () throws(JournalError) in
            defer { pending = nil }
            return pending
        }
    }

    /// Appends the rows `rowsFrom` gives, chunk by chunk until it returns nil, in one
    /// transaction (see ``append(_:durable:)``); a chunk may still be being built while the
    /// previous one is inserted (`RowPipeline`). If `rowsFrom` throws, nothing is written.
    /// - Returns: The last row written, or nil when there was none (nothing is committed then).
    func append(
        durable: Bool, rowsFrom next: () throws(JournalError) -> [EventRow]?
    ) throws(JournalError) -> EventRow? {
        do {
            return try database.writeWithoutTransaction { db -> EventRow? in
                if durable { try db.execute(sql: "PRAGMA synchronous = FULL") }
                defer { if durable { try? db.execute(sql: "PRAGMA synchronous = NORMAL") } }
                var last: EventRow?
                try db.inTransaction(.immediate) {
                    // One prepared statement for the whole batch; each row is bound in place.
                    let statement = try db.cachedStatement(sql: EventRow.insertSQL)
                    let noArguments = StatementArguments()
                    while let rows = try next() {
                        for row in rows {
                            statement.setUncheckedArguments(noArguments)  // resets; clears the bindings
                            let code = row.bind(to: statement.sqliteStatement)
                            guard code == 0 else {
                                throw JournalError.writeFailed("cannot bind event \(row.sequence): SQLite error \(code)")
                            }
                            try statement.execute()
                        }
                        last = rows.last ?? last
                    }
                    return last == nil ? .rollback : .commit
                }
                return last
            }
        } catch {
            throw JournalError.writeFailed(Self.describe(error))
        }
    }

    /// Runs a read, mapping errors to ``JournalError/unreadable(_:)``.
    func read<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try database.read(body)
        } catch let error as JournalError {
            throw error
        } catch {
            throw JournalError.unreadable(Self.describe(error))
        }
    }

    /// Number of events stored.
    public func eventCount() throws(JournalError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0 }
    }
}
