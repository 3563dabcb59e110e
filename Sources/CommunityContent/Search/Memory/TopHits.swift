/// Keeps the `capacity` best (score, key) entries seen, as a bounded min-heap.
struct TopHits {
    struct Entry {
        var score: Double
        var key: SearchDocumentKey
        var segment: Int
        var doc: Int32
    }

    let capacity: Int
    private(set) var heap: [Entry] = []

    init(capacity: Int) { self.capacity = capacity }

    /// Whether `a` ranks below `b` (lower score, or same score and later key).
    static func worse(_ a: Entry, _ b: Entry) -> Bool {
        a.score != b.score ? a.score < b.score : a.key > b.key
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
                guard Self.worse(heap[i], heap[parent]) else { break }
                heap.swapAt(i, parent)
                i = parent
            }
        } else if Self.worse(heap[0], entry) {
            heap[0] = entry
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, Self.worse(heap[l], heap[m]) { m = l }
                if r < heap.count, Self.worse(heap[r], heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
    }

    /// The entries, best first.
    func sorted() -> [Entry] { heap.sorted { Self.worse($1, $0) } }
}
