/// Keeps the `capacity` best (score, key) entries seen, as a bounded min-heap. An entry names
/// its document by segment and position; the document's key is read only to order two
/// entries with the same score (a key load is a cache miss and a retain per offer otherwise).
struct TopHits {
    struct Entry {
        var score: Double
        var segment: Int
        var doc: Int32
    }

    let capacity: Int
    /// The segments entries point into (the searched state's).
    private let segments: [IndexSegment]
    private(set) var heap: [Entry] = []

    init(capacity: Int, segments: [IndexSegment]) {
        self.capacity = capacity
        self.segments = segments
    }

    /// Whether `a` ranks below `b` (lower score, or same score and later key).
    func worse(_ a: Entry, _ b: Entry) -> Bool {
        if a.score != b.score { return a.score < b.score }
        return segments[a.segment].documents[Int(a.doc)].key > segments[b.segment].documents[Int(b.doc)].key
    }

    /// Whether an entry with this score could enter.
    func admits(_ score: Double) -> Bool {
        heap.count < capacity || (capacity > 0 && score >= heap[0].score)
    }

    mutating func offer(_ entry: Entry) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(entry)
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard worse(heap[i], heap[parent]) else { break }
                heap.swapAt(i, parent)
                i = parent
            }
        } else if worse(heap[0], entry) {
            heap[0] = entry
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, worse(heap[l], heap[m]) { m = l }
                if r < heap.count, worse(heap[r], heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
    }

    /// The entries, best first.
    func sorted() -> [Entry] { heap.sorted { worse($1, $0) } }
}
