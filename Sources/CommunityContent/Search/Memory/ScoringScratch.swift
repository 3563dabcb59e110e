import Synchronization

/// Per-query working arrays, pooled so a search allocates nothing proportional to the index.
/// Every touched slot is reset before the scratch goes back to the pool.
struct ScoringScratch: Sendable {
    var score: [Float] = []
    var matched: [UInt64] = []
    var unitBest: [Float] = []
    var unitStamp: [Int32] = []
    var typoCounters: [UInt16] = []

    mutating func ensure(documents: Int) {
        if score.count < documents {
            score = [Float](repeating: 0, count: documents)
            matched = [UInt64](repeating: 0, count: documents)
            unitBest = [Float](repeating: 0, count: documents)
            unitStamp = [Int32](repeating: -1, count: documents)
        }
    }
}

/// A small pool of scratches; taking or returning one holds the lock for a pointer swap.
final class ScratchPool: Sendable {
    private let pool = Mutex<[ScoringScratch]>([])

    func take() -> ScoringScratch { pool.withLock { $0.popLast() } ?? ScoringScratch() }

    func give(_ scratch: consuming ScoringScratch) {
        let s = scratch
        pool.withLock { if $0.count < 8 { $0.append(s) } }
    }
}
