@testable import CommunityModel
import CommunityTesting
import Synchronization
import Testing

/// A key whose hash collides with many others, to reach the trie's collision nodes.
private struct CollidingKey: Hashable, Sendable {
    var value: Int
    func hash(into hasher: inout Hasher) { hasher.combine(value % 5) }
}

@Suite struct HashTrieTests {
    /// Random inserts, updates, in-place updates and removals agree with a Dictionary,
    /// and every earlier copy keeps exactly the contents it had.
    func differential<K: Hashable & Sendable>(_ makeKey: (Int) -> K, keys: Int, steps: Int, seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var trie = HashTrie<K, Int>()
        var reference: [K: Int] = [:]
        var saved: [(HashTrie<K, Int>, [K: Int])] = []
        for step in 0..<steps {
            let key = makeKey(Int.random(in: 0..<keys, using: &random))
            switch Int.random(in: 0..<4, using: &random) {
            case 0, 1:
                #expect(trie.updateValue(step, forKey: key) == reference.updateValue(step, forKey: key))
            case 2:
                #expect(trie.removeValue(forKey: key) == reference.removeValue(forKey: key))
            default:
                let keep = step % 3 != 0
                trie.update(key, default: { -1 }) { value in
                    value += 1
                    return keep
                }
                if keep { reference[key, default: -1] += 1 } else { reference[key] = nil }
            }
            #expect(trie.count == reference.count)
            if step % 97 == 0 { saved.append((trie, reference)) }
        }
        saved.append((trie, reference))
        for (copy, expected) in saved {
            var contents: [K: Int] = [:]
            copy.forEach { contents[$0] = $1 }
            #expect(contents == expected)
            #expect(copy.count == expected.count)
            for key in (0..<keys).map(makeKey) { #expect(copy[key] == expected[key]) }
        }
    }

    @Test func agreesWithDictionary() {
        differential({ "k\($0)" }, keys: 2_000, steps: 20_000, seed: 1)
    }

    @Test func agreesWithDictionaryUnderFullHashCollisions() {
        differential({ CollidingKey(value: $0) }, keys: 60, steps: 3_000, seed: 2)
    }

    @Test func removingEverythingLeavesAnEmptyTrie() {
        var trie = HashTrie<Int, Int>()
        for i in 0..<5_000 { trie.updateValue(i, forKey: i) }
        let full = trie
        for i in 0..<5_000 { #expect(trie.removeValue(forKey: i) == i) }
        #expect(trie.isEmpty)
        #expect(trie.keys.isEmpty)
        #expect(full.count == 5_000)
        #expect(full[4_999] == 4_999)
        #expect(trie.removeValue(forKey: 1) == nil)
    }
}

/// Counts live instances, to catch an entry the trie's manual memory management leaks or
/// releases twice.
private final class Tracked: Sendable {
    let counter: LiveCounter
    init(_ counter: LiveCounter) {
        self.counter = counter
        counter.value.add(1, ordering: .relaxed)
    }
    deinit { counter.value.subtract(1, ordering: .relaxed) }
}

private final class LiveCounter: Sendable {
    let value = Atomic<Int>(0)
}

@Suite struct HashTrieMemoryTests {
    @Test func everyEntryIsReleasedExactlyOnce() {
        let counter = LiveCounter()
        do {
            var random = SeededRandom(seed: 3)
            var trie = HashTrie<String, Tracked>()
            var collisions = HashTrie<CollidingKey, Tracked>()
            var saved: [HashTrie<String, Tracked>] = []
            for step in 0..<20_000 {
                let i = Int.random(in: 0..<3_000, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: trie.updateValue(Tracked(counter), forKey: "k\(i)")
                case 1: trie.removeValue(forKey: "k\(i)")
                default:
                    trie.update("k\(i)", default: { Tracked(counter) }) { _ in i % 2 == 0 }
                }
                if i % 3 == 0 { collisions.updateValue(Tracked(counter), forKey: CollidingKey(value: i % 40)) }
                if i % 3 == 1 { collisions.removeValue(forKey: CollidingKey(value: i % 40)) }
                if step % 1_000 == 0 { saved.append(trie) }
            }
            #expect(counter.value.load(ordering: .relaxed) > 0)
            withExtendedLifetime((trie, collisions, saved)) {}
        }
        #expect(counter.value.load(ordering: .relaxed) == 0)
    }

    @Test func emptyingByUpdateAndRefilling() {
        var trie = HashTrie<Int, Int>()
        for i in 0..<1_000 { trie.updateValue(i, forKey: i) }
        let copy = trie
        for i in 0..<1_000 { trie.update(i, default: { 0 }) { _ in false } }
        #expect(trie.isEmpty)
        #expect(trie[5] == nil)
        trie.update(5, default: { 50 }) { _ in true }
        #expect(trie.count == 1 && trie[5] == 50)
        #expect(copy.count == 1_000 && copy[999] == 999 && copy[5] == 5)
    }
}
