import CPostgres
import CommunityModel
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One libpq connection, its search path set to the store's schema.
///
/// Every value travels as a bound parameter of `PQexecParams` (text format); SQL text is
/// always a constant of ``PostgresSchema`` or built from placeholders only.
///
/// `@unchecked Sendable`: a connection is used by one thread at a time, always behind a
/// lock its owner holds (the store's writer lock, a snapshot's lock, the pool, or the
/// feed follower's own thread).
final class PostgresConnection: @unchecked Sendable {
    private let handle: OpaquePointer

    /// Connects to `url` and sets the search path to `schema`.
    ///
    /// - Throws: ``StoreError/backend(_:)`` saying why the server could not be reached.
    init(url: String, schema: String) throws {
        guard let connection = PQconnectdb(url) else { throw StoreError.backend("PostgreSQL: out of memory connecting") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.message(connection)
            PQfinish(connection)
            throw StoreError.backend("PostgreSQL: cannot connect: \(message)")
        }
        handle = connection
        do {
            try execute("SET search_path TO \"\(schema)\"")  // schema is checked to be [a-z_][a-z0-9_]*
            try execute("SET client_encoding TO 'UTF8'")
            try execute("SET client_min_messages TO warning")  // no "already exists" notices on stderr
        } catch {
            PQfinish(connection)
            throw error
        }
    }

    deinit { PQfinish(handle) }

    /// Whether libpq still considers the connection usable. Reading whatever the server sent
    /// first notices a connection the server closed (a restart, an administrator's kill).
    var isUsable: Bool {
        guard PQstatus(handle) == CONNECTION_OK else { return false }
        _ = PQconsumeInput(handle)
        return PQstatus(handle) == CONNECTION_OK && PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    /// Whether the connection is lost (as opposed to a statement failing).
    var isBroken: Bool { PQstatus(handle) != CONNECTION_OK }

    /// The socket, for waiting on notifications.
    var socket: Int32 { PQsocket(handle) }

    /// Runs SQL text that takes no values (transaction control, schema, LISTEN).
    func execute(_ sql: String) throws {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, sql)
    }

    /// Runs a statement with bound text parameters (`nil` is SQL NULL) and returns its rows.
    @discardableResult
    func query(_ sql: String, _ values: [String?] = []) throws -> PostgresRows {
        var pointers: [UnsafeMutablePointer<CChar>?] = values.map { $0.flatMap { strdup($0) } }
        defer { for pointer in pointers { free(pointer) } }
        let result = pointers.withUnsafeMutableBufferPointer { buffer -> OpaquePointer? in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { params in
                    PQexecParams(handle, sql, Int32(clamping: values.count), nil, params, nil, nil, 0)
                }
            } ?? PQexecParams(handle, sql, 0, nil, nil, nil, nil, 0)
        }
        do {
            try check(result, sql)
        } catch {
            PQclear(result)
            throw error
        }
        guard let result else { throw StoreError.backend("PostgreSQL: no result for \(sql)") }
        return PostgresRows(result: result)
    }

    /// Reads whatever arrived on the socket and returns the notifications received.
    ///
    /// - Throws: ``StoreError/backend(_:)`` when the connection is lost.
    func notifications() throws -> [String] {
        guard PQconsumeInput(handle) == 1 else {
            throw StoreError.backend("PostgreSQL: connection lost: \(Self.message(handle))")
        }
        var payloads: [String] = []
        while let notification = PQnotifies(handle) {
            payloads.append(notification.pointee.extra.map { String(cString: $0) } ?? "")
            PQfreemem(notification)
        }
        return payloads
    }

    /// Throws the error a result reports, classified into a ``StoreError``.
    private func check(_ result: OpaquePointer?, _ sql: String) throws {
        guard let result else {
            throw StoreError.backend("PostgreSQL: connection lost: \(Self.message(handle))")
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK: return
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            let message = PQresultErrorMessage(result).map { String(cString: $0) } ?? ""
            throw PostgresFailure(state: state, message: message, connectionLost: isBroken).storeError(sql)
        }
    }

    private static func message(_ handle: OpaquePointer) -> String {
        PQerrorMessage(handle).map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "unknown error"
    }
}

/// The rows of one result, in text format. Owns the libpq result and frees it.
final class PostgresRows {
    private let result: OpaquePointer

    init(result: OpaquePointer) { self.result = result }

    deinit { PQclear(result) }

    /// How many rows.
    var count: Int { Int(PQntuples(result)) }

    /// Whether a field is NULL.
    func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(result, Int32(row), Int32(column)) == 1 }

    /// A field as text (empty for NULL).
    func text(_ row: Int, _ column: Int) -> String {
        guard let pointer = PQgetvalue(result, Int32(row), Int32(column)) else { return "" }
        return String(cString: pointer)
    }

    /// A field's bytes (a JSON body), without going through `String`.
    func data(_ row: Int, _ column: Int) -> Data {
        let count = Int(PQgetlength(result, Int32(row), Int32(column)))
        guard count > 0, let pointer = PQgetvalue(result, Int32(row), Int32(column)) else { return Data() }
        return Data(bytes: pointer, count: count)
    }

    /// A field as a 64-bit integer.
    ///
    /// - Throws: ``StoreError/backend(_:)`` when the field is not an integer.
    func integer(_ row: Int, _ column: Int) throws -> Int64 {
        guard let value = Int64(text(row, column)) else {
            throw StoreError.backend("PostgreSQL: expected an integer, got \(text(row, column).debugDescription)")
        }
        return value
    }
}

/// A PostgreSQL error: its SQLSTATE and message.
struct PostgresFailure {
    var state: String
    var message: String
    var connectionLost: Bool

    /// The ``StoreError`` a caller sees: always ``StoreError/backend(_:)``, naming the
    /// SQLSTATE and saying whether the connection was lost or the statement may be retried.
    func storeError(_ sql: String) -> StoreError {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if connectionLost || state.hasPrefix("08") || state == "57P01" || state == "57P02" || state == "57P03" {
            return .backend("PostgreSQL: connection lost (\(state.isEmpty ? "no SQLSTATE" : state)): \(text)")
        }
        if state == "40001" || state == "40P01" {
            return .backend("PostgreSQL: transaction aborted by the server, retry it (\(state)): \(text)")
        }
        let statement = sql.split(separator: "\n").first.map(String.init) ?? sql
        return .backend("PostgreSQL \(state): \(text) (in \(statement))")
    }
}
