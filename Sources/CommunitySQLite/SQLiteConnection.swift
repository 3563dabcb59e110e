import CSQLite
import CommunityModel
import Foundation

/// A value bound to a statement parameter. Values always travel as parameters, never as SQL text.
enum SQLiteValue {
    case integer(Int64)
    case text(String)
    case blob([UInt8])
    case null
}

/// One open SQLite connection with a cache of prepared statements.
///
/// `@unchecked Sendable`: a connection is used by one thread at a time, always behind a
/// lock its owner holds (the store's writer lock, a snapshot's lock, or the reader pool).
final class SQLiteConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]

    /// SQLite's "copy the bytes now" destructor, which the C macro `SQLITE_TRANSIENT` spells.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)  // trap-safe: SQLite's documented SQLITE_TRANSIENT constant, no input involved

    /// Opens (and with `create`, creates) the database file at `path`.
    init(path: String, create: Bool, cacheKiB: Int = 8_192) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0)
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw StoreError.backend("cannot open \(path): \(message) (code \(code))")
        }
        handle = db
        sqlite3_busy_timeout(db, 5_000)
        sqlite3_extended_result_codes(db, 1)
        // A page cache big enough that a large transaction does not spill to the WAL
        // mid-way, and reads through memory-mapped pages instead of read calls.
        try execute("PRAGMA cache_size = -\(cacheKiB)")
        try execute("PRAGMA mmap_size = 268435456")
        try execute("PRAGMA temp_store = MEMORY")
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// The error SQLite reported for the last call, as a ``StoreError/backend(_:)``.
    func error(_ code: Int32, _ context: String) -> StoreError {
        .backend("\(context): \(String(cString: sqlite3_errmsg(handle))) (code \(code))")
    }

    /// Runs fixed SQL text (schema, pragmas, transaction control) that takes no values.
    func execute(_ sql: String) throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, sql) }
    }

    /// Runs a statement that returns no rows.
    func run(_ sql: String, _ values: [SQLiteValue] = []) throws {
        try rows(sql, values) { _ in }
    }

    /// Runs a statement and calls `body` for each result row. Statements are cached per SQL
    /// text; `body` must not run the same SQL on this connection.
    func rows(_ sql: String, _ values: [SQLiteValue], _ body: (SQLiteRow) throws -> Void) throws {
        try rows(SQLiteStatement(handle: try prepared(sql), sql: sql), values, body)
    }

    /// The cached statement for `sql`, for a loop that runs it many times (no lookup by text
    /// per run). Valid as long as the connection.
    func statement(_ sql: String) throws -> SQLiteStatement {
        SQLiteStatement(handle: try prepared(sql), sql: sql)
    }

    /// Runs a statement from ``statement(_:)`` that returns no rows.
    func run(_ statement: SQLiteStatement, _ values: [SQLiteValue]) throws {
        try rows(statement, values) { _ in }
    }

    /// Runs a statement from ``statement(_:)`` and calls `body` for each result row.
    func rows(_ prepared: SQLiteStatement, _ values: [SQLiteValue], _ body: (SQLiteRow) throws -> Void) throws {
        let statement = prepared.handle
        let sql = prepared.sql
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .integer(let n): code = sqlite3_bind_int64(statement, index, n)
            case .text(let s): code = Self.bindText(s, statement, index)
            case .blob(let data):
                code = data.withUnsafeBytes { bytes in
                    sqlite3_bind_blob(statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), Self.transient)
                }
            case .null: code = sqlite3_bind_null(statement, index)
            }
            guard code == SQLITE_OK else { throw error(code, "binding parameter \(index) of \(sql)") }
        }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code, sql) }
            try body(SQLiteRow(statement: statement))
        }
    }

    /// Binds text from the string's own UTF-8 storage (no C string copy); SQLite copies the
    /// bytes. Like binding it as a C string, the text ends at its first 0 byte, if any.
    private static func bindText(_ text: String, _ statement: OpaquePointer, _ index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return sqlite3_bind_text(statement, index, "", 0, transient) }
            let length = memchr(base, 0, utf8.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? utf8.count
            guard length <= Int(Int32.max) else { return SQLITE_TOOBIG }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text(statement, index, $0, Int32(length), transient)
            }
        }
    }

    /// The single integer a statement returns, or `nil` when it returns no row.
    func integer(_ sql: String, _ values: [SQLiteValue]) throws -> Int64? {
        var result: Int64?
        try rows(sql, values) { result = $0.integer(0) }
        return result
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, "preparing \(sql)") }
        statements[sql] = statement
        return statement
    }
}

/// A statement prepared and cached by a ``SQLiteConnection``, with its text for error messages.
struct SQLiteStatement {
    let handle: OpaquePointer
    let sql: String
}

/// The current row of a running statement.
struct SQLiteRow {
    let statement: OpaquePointer

    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(statement, column) else { return "" }
        return String(cString: pointer)
    }

    /// Appends the column's bytes to `buffer` (no array of its own); returns how many.
    @discardableResult
    func appendBytes(_ column: Int32, to buffer: inout [UInt8]) -> Int {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let pointer = sqlite3_column_blob(statement, column) else { return 0 }
        buffer.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: count))
        return count
    }

    func bytes(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let pointer = sqlite3_column_blob(statement, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
