import Dispatch
import Synchronization

/// An array stored in fixed-size chunks, so that a copy-on-write after a snapshot was
/// published copies one chunk (and the chunk table), not the whole array.
struct ChunkedArray<Element: Sendable>: Sendable, RandomAccessCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { count }

    static var shift: Int { 12 }
    static var chunkSize: Int { 1 << shift }
    private(set) var chunks: [[Element]] = []
    private(set) var count = 0
    let filler: Element

    init(filler: Element) { self.filler = filler }

    subscript(i: Int) -> Element {
        get { chunks[i &>> Self.shift][i & (Self.chunkSize - 1)] }
        set { chunks[i &>> Self.shift][i & (Self.chunkSize - 1)] = newValue }
        // In place: `rows[i].criteria |= bit` changes one field without copying the element out and back.
        _modify { yield &chunks[i &>> Self.shift][i & (Self.chunkSize - 1)] }
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

    var last: Element? { count == 0 ? nil : self[count - 1] }

    /// Calls `body` once per chunk, on all cores, with the chunk's first index and the chunk
    /// to change in place (each chunk on one thread, so `body` must touch only its chunk).
    /// The result is the one a serial loop over the chunks would leave.
    mutating func updateChunksConcurrently(_ body: @escaping @Sendable (_ base: Int, _ chunk: inout [Element]) -> Void) {
        guard !chunks.isEmpty else { return }
        // The chunks move into boxes (each uniquely referenced, so changed in place), are
        // changed on all cores, and move back.
        let boxes = chunks.map { ChunkBox($0) }
        chunks = []
        let shift = Self.shift
        DispatchQueue.concurrentPerform(iterations: boxes.count) { c in
            boxes[c].elements.withLock { body(c &<< shift, &$0) }
        }
        chunks = boxes.map { box in box.elements.withLock { elements in
            defer { elements = [] }
            return elements
        } }
    }

    /// One chunk while ``updateChunksConcurrently(_:)`` changes the chunks on several threads.
    private final class ChunkBox: Sendable {
        let elements: Mutex<[Element]>
        init(_ elements: [Element]) { self.elements = Mutex(elements) }
    }

    /// Calls `body` with element `i` without copying it out of storage.
    @inline(__always) func withElement<R>(_ i: Int, _ body: (borrowing Element) -> R) -> R {
        chunks[i &>> Self.shift].withUnsafeBufferPointer { body($0[i & (Self.chunkSize - 1)]) }
    }
}

extension ChunkedArray where Element: Comparable {
    /// Index of the first element not less than `value` (the array must be sorted).
    func lowerBound(_ value: Element) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) &>> 1
            if self[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Inserts keeping the array sorted and free of duplicates (appends are cheap; an
    /// insertion in the middle rebuilds the array, which only placeholders cause).
    mutating func sortedInsert(_ value: Element) {
        if count == 0 || self[count - 1] < value {
            append(value)
            return
        }
        let i = lowerBound(value)
        if i < count, self[i] == value { return }
        var all = (0..<count).map { self[$0] }
        all.insert(value, at: i)
        var rebuilt = ChunkedArray(filler: filler)
        for x in all { rebuilt.append(x) }
        self = rebuilt
    }
}
