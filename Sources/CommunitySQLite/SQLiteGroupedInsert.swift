/// Rows of one `INSERT` written many to a statement: one run, one reset and one open cursor
/// for up to ``widths``' first number of rows instead of one each. Rows are added in order
/// and written in that order; ``finish()`` writes the rows left over in narrower statements.
/// Statements are the connection's cached ones, one per width, looked up only when used.
struct SQLiteGroupedInsert {
    /// How many rows one statement writes, widest first; the last is 1, so any number is written.
    static let widths = [64, 8, 1]

    /// The statement texts of one `INSERT`, one per width (computed once, kept in ``SQLiteSchema``).
    struct Shape: Sendable {
        let columns: Int
        /// The text for each of ``SQLiteGroupedInsert/widths``, in that order.
        let texts: [(rows: Int, sql: String)]

        /// - Parameters:
        ///   - head: the statement up to `VALUES` (included).
        ///   - columns: how many values one row has.
        ///   - tail: what follows the rows (an `ON CONFLICT` clause, or nothing).
        init(head: String, columns: Int, tail: String = "") {
            self.columns = columns
            let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
            texts = SQLiteGroupedInsert.widths.map { ($0, head + " " + Array(repeating: row, count: $0).joined(separator: ", ") + tail) }
        }
    }

    private let connection: SQLiteConnection
    private let shape: Shape
    /// The widest statement, once looked up.
    private var widest: SQLiteStatement?
    private var values: [SQLiteValue] = []

    init(_ connection: SQLiteConnection, _ shape: Shape) {
        self.connection = connection
        self.shape = shape
    }

    /// Adds one value of the current row; callers add whole rows (``Shape/columns`` values each).
    mutating func append(_ value: SQLiteValue) throws {
        if values.capacity == 0 { values.reserveCapacity(shape.columns) }  // one allocation for a single row
        values.append(value)
        guard let first = shape.texts.first, values.count == first.rows * shape.columns else { return }
        let statement = try widest ?? connection.statement(first.sql)
        widest = statement
        try connection.run(statement, values)
        values.removeAll(keepingCapacity: true)
    }

    /// Writes the rows not yet written.
    mutating func finish() throws {
        var start = 0
        for (rows, sql) in shape.texts.dropFirst() where values.count - start >= rows * shape.columns {
            let statement = try connection.statement(sql)
            while values.count - start >= rows * shape.columns {
                if start == 0, values.count == rows * shape.columns {
                    try connection.run(statement, values)  // the whole rest: no copy
                } else {
                    try connection.run(statement, Array(values[start..<start + rows * shape.columns]))
                }
                start += rows * shape.columns
            }
        }
        values.removeAll(keepingCapacity: true)
    }
}
