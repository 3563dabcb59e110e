/// An array stored in fixed-size chunks, so that a copy-on-write after a snapshot was
/// published copies one chunk (and the chunk table), not the whole array.
struct ChunkedArray<Element: Sendable>: Sendable {
    static var shift: Int { 12 }
    static var chunkSize: Int { 1 << shift }
    private(set) var chunks: [[Element]] = []
    private(set) var count = 0
    let filler: Element

    init(filler: Element) { self.filler = filler }

    subscript(i: Int) -> Element {
        get { chunks[i &>> Self.shift][i & (Self.chunkSize - 1)] }
        set { chunks[i &>> Self.shift][i & (Self.chunkSize - 1)] = newValue }
    }

    /// Grows the array with filler elements so that index `i` exists.
    mutating func ensure(_ i: Int) {
        while i >= count {
            if count & (Self.chunkSize - 1) == 0 {
                var chunk: [Element] = []
                chunk.reserveCapacity(Self.chunkSize)
                chunks.append(chunk)
            }
            chunks[chunks.count - 1].append(filler)
            count += 1
        }
    }

    mutating func append(_ value: Element) {
        ensure(count)
        self[count - 1] = value
    }
}
