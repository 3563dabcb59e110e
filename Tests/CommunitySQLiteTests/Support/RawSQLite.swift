import CSQLite

/// Runs SQL on a database file behind the store's back, to damage it on purpose.
func rawSQLite(_ path: String, _ sql: String) throws {
    var db: OpaquePointer?
    guard sqlite3_open(path, &db) == SQLITE_OK else { throw RawSQLiteError(message: "cannot open \(path)") }
    defer { sqlite3_close(db) }
    sqlite3_busy_timeout(db, 5_000)
    guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
        throw RawSQLiteError(message: String(cString: sqlite3_errmsg(db)))
    }
}

struct RawSQLiteError: Error { var message: String }
