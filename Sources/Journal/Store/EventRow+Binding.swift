import GRDB

extension EventRow {
    /// The insert the writer prepares once per batch (`cachedStatement`), columns in the
    /// order ``bind(to:)`` binds them.
    static let insertSQL = """
        INSERT INTO event (sequence, received_at, device_time, chair, session, kind, payload, previous_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Binds this row to ``insertSQL``'s nine placeholders with SQLite's own bind calls
    /// (values copied, `SQLITE_TRANSIENT`), so no `StatementArguments` is built per row.
    ///
    /// Call it on a statement just reset by `setUncheckedArguments(StatementArguments())`
    /// (GRDB then counts the arguments as bound and `execute()` runs with these bindings).
    /// - Returns: 0 (`SQLITE_OK`) or the first failing bind call's result code.
    func bind(to statement: SQLiteStatement) -> CInt {
        var code = Int64(sequence).bind(to: statement, at: 1)
        if code == 0 { code = receivedAt.bind(to: statement, at: 2) }
        if code == 0 { code = deviceTime.bind(to: statement, at: 3) }
        if code == 0 { code = chair.bind(to: statement, at: 4) }
        if code == 0 { code = session.bind(to: statement, at: 5) }
        if code == 0 { code = kind.bind(to: statement, at: 6) }
        if code == 0 { code = payload.bind(to: statement, at: 7) }
        if code == 0 { code = previousHash.bind(to: statement, at: 8) }
        if code == 0 { code = hash.bind(to: statement, at: 9) }
        return code
    }
}
