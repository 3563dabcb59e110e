/// Rows of one `INSERT` written many to a statement: one run, one reset and one open cursor
/// for up to ``widest`` rows instead of one each. Rows are added in order and written in that
/// order; ``finish()`` writes the rows left over in narrower statements. Statements are the
/// connection's cached ones, one per width.
struct SQLiteGroupedInsert {
    /// The most rows one statement writes.
    static let widest = 64
    /// The narrower widths, for the rows left over; the last is 1, so any number is written.
    static let narrower = [8, 1]

    private let connection: SQLiteConnection
    private let head: String
    private let tail: String
    private let columns: Int
    private let full: SQLiteStatement
    private var values: [SQLiteValue] = []

    /// - Parameters:
    ///   - head: the statement up to `VALUES` (included).
    ///   - columns: how many values one row has.
    ///   - tail: what follows the rows (an `ON CONFLICT` clause, or nothing).
    init(_ connection: SQLiteConnection, head: String, columns: Int, tail: String = "") throws {
        self.connection = connection
        self.head = head
        self.tail = tail
        self.columns = columns
        full = try connection.statement(Self.sql(head: head, columns: columns, rows: Self.widest, tail: tail))
        values.reserveCapacity(Self.widest * columns)
    }

    /// The statement text for `rows` rows of `columns` parameters.
    static func sql(head: String, columns: Int, rows: Int, tail: String = "") -> String {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return head + " " + Array(repeating: row, count: rows).joined(separator: ", ") + tail
    }

    /// Adds one value of the current row; a row is complete after `columns` values.
    mutating func append(_ value: SQLiteValue) throws {
        values.append(value)
        if values.count == Self.widest * columns {
            try connection.run(full, values)
            values.removeAll(keepingCapacity: true)
        }
    }

    /// Writes the rows not yet written.
    mutating func finish() throws {
        var start = 0
        for width in Self.narrower {
            let statement = try connection.statement(Self.sql(head: head, columns: columns, rows: width, tail: tail))
            while values.count - start >= width * columns {
                try connection.run(statement, Array(values[start..<start + width * columns]))
                start += width * columns
            }
        }
        values.removeAll(keepingCapacity: true)
    }
}
