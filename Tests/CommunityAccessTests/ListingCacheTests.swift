@testable import CommunityAccess
import CommunityModel
import CommunityTesting
import Testing

/// The pieces the listing is built from: ordering gathered candidates without a full sort,
/// and the bounded per-snapshot candidate cache.
@Suite("Listing candidates")
struct ListingCacheTests {
    @Test("ordering gathered candidates equals sorting and deduplicating them, sparse or dense", arguments: 0..<20)
    func ordering(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed))
        // Sizes from empty to dense (bitmap path) and sparse with a large top value (sort path).
        let count = [0, 1, 31, 32, 100, 5_000][seed % 6]
        let spread: UInt32 = seed % 2 == 0 ? UInt32(max(count, 1)) * 4 : 4_000_000_000
        let values = (0..<count).map { _ in UInt32(truncatingIfNeeded: rng.next()) % spread }
        #expect(values.orderedUnique() == Array(Set(values)).sorted())
    }

    @Test("the largest row number and row zero survive the bitmap")
    func edges() {
        let values: [UInt32] = Array(repeating: 0, count: 40) + [63, 64, 127, 128, 2_559] + Array(0..<40)
        #expect(values.orderedUnique() == Array(Set(values)).sorted())
    }

    @Test("a kept list is returned without gathering again")
    func hit() {
        let cache = ListingCache(capacity: 100)
        var gathered = 0
        let key = ListingCache.Key(user: 1, object: 2)
        let first = cache.candidates(key) { gathered += 1; return [1, 2, 3] }
        let second = cache.candidates(key) { gathered += 1; return [9] }
        #expect(first == [1, 2, 3] && second == [1, 2, 3] && gathered == 1)
        // Another object of the same user is its own entry.
        #expect(cache.candidates(ListingCache.Key(user: 1, object: 3)) { [7] } == [7])
    }

    @Test("the cache holds at most its capacity in rows, evicting the least recently used list")
    func bounded() {
        let cache = ListingCache(capacity: 10)
        let a = ListingCache.Key(user: 1, object: 0), b = ListingCache.Key(user: 2, object: 0), c = ListingCache.Key(user: 3, object: 0)
        _ = cache.candidates(a) { [1, 2, 3, 4] }
        _ = cache.candidates(b) { [5, 6, 7, 8] }
        _ = cache.candidates(a) { [] }  // a is now the most recently used
        _ = cache.candidates(c) { [9, 10, 11] }  // 11 rows: b goes
        #expect(cache.count == 2)
        var regathered = false
        _ = cache.candidates(b) { regathered = true; return [5, 6, 7, 8] }  // a was used before c: a goes
        #expect(regathered)
        #expect(cache.candidates(c) { [0] } == [9, 10, 11])
        var aAgain = false
        _ = cache.candidates(a) { aAgain = true; return [1, 2, 3, 4] }
        #expect(aAgain && cache.count == 2)
        // A list larger than the whole cache is answered but not kept.
        let big = ListingCache.Key(user: 4, object: 0)
        #expect(cache.candidates(big) { Array(0..<20) }.count == 20)
        var again = false
        _ = cache.candidates(big) { again = true; return [] }
        #expect(again)
    }

    @Test("a new snapshot starts with an empty cache; listing fills only the current one")
    func perSnapshot() {
        let org = RandomOrg(seed: 5)
        let engine = AccessEngine()
        engine.load(org.entities)
        let first = engine.snapshot
        for u in org.allUsers { _ = first.visibleRecords(of: u, object: "Case", limit: 1) }
        engine.load([])
        let second = engine.snapshot
        #expect(second.listings.count == 0)
        #expect(first.listings !== second.listings)
    }
}
