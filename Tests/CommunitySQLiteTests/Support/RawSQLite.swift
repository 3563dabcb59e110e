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

/// The single integer a query returns, read behind the store's back.
func rawSQLiteInteger(_ path: String, _ sql: String) throws -> Int64 {
    var db: OpaquePointer?
    guard sqlite3_open(path, &db) == SQLITE_OK else { throw RawSQLiteError(message: "cannot open \(path)") }
    defer { sqlite3_close(db) }
    sqlite3_busy_timeout(db, 5_000)
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
        throw RawSQLiteError(message: String(cString: sqlite3_errmsg(db)))
    }
    defer { sqlite3_finalize(statement) }
    guard sqlite3_step(statement) == SQLITE_ROW else { throw RawSQLiteError(message: "no row for \(sql)") }
    return sqlite3_column_int64(statement, 0)
}
