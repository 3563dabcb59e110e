import Foundation

/// Sort keys of rows for writing them in a table's key order: each row's key columns as
/// UTF-8, one after another with a 0 byte between, compared bytewise as SQLite's BINARY
/// collation compares text. Sorting positions over one flat buffer avoids copying rows (and
/// their strings' reference counts) while they are sorted.
///
/// Rows whose keys are equal keep their original order, so a caller can apply runs of equal
/// keys in that order. (A 0 byte inside a column could make two different rows compare equal;
/// they then stay in their original order too, which is always correct, only less grouped.)
struct SortKeys {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    /// Room for `rows` keys.
    init(rows: Int) {
        starts.reserveCapacity(rows + 1)
        bytes.reserveCapacity(rows * 32)
    }

    /// Adds the next column of the current row.
    mutating func append(_ column: String, first: Bool) {
        if !first { bytes.append(0) }
        bytes += column.utf8
    }

    /// Ends the current row.
    mutating func endRow() { starts.append(bytes.count) }

    /// Whether rows `a` and `b` have the same key bytes.
    func equal(_ a: Int, _ b: Int) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer[starts[a]..<starts[a + 1]].elementsEqual(buffer[starts[b]..<starts[b + 1]])
        }
    }

    /// The rows' positions in key order, equal keys in their original order.
    func sortedIndices() -> [Int] {
        var order = Array(0..<(starts.count - 1))
        bytes.withUnsafeBufferPointer { buffer in
            starts.withUnsafeBufferPointer { starts in
                order.sort { a, b in
                    let xCount = starts[a + 1] - starts[a]
                    let yCount = starts[b + 1] - starts[b]
                    if let base = buffer.baseAddress {
                        let c = memcmp(base + starts[a], base + starts[b], min(xCount, yCount))
                        if c != 0 { return c < 0 }
                    }
                    if xCount != yCount { return xCount < yCount }
                    return a < b
                }
            }
        }
        return order
    }
}
