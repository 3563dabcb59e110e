import CommunityTesting
import Testing

@testable import CommunityEngagement

/// The aggregates' cell table against a plain `Dictionary` doing the same additions: every
/// amount, the count and the cells listed agree after each step, through growth and through
/// removals that shift probe runs back.
@Suite struct KPICellTableTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func agreesWithADictionaryUnderRandomAdditionsAndRemovals(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        var table = KPICellTable()
        var reference: [KPICell: Int64] = [:]
        // Few distinct cells, small amounts: cells keep reaching zero and coming back.
        let universe = Int.random(in: 8...400, using: &rng)
        for step in 0..<4_000 {
            let n = UInt64(Int.random(in: 0..<universe, using: &rng))
            let cell = KPICell(packed: n % 7 << 32 | n, word: n / 3)
            let delta = Int64(Int.random(in: -2...2, using: &rng))
            table.add(delta, at: cell)
            let total = (reference[cell] ?? 0) + delta
            reference[cell] = total == 0 ? nil : total
            #expect(table.value(cell) == (reference[cell] ?? 0))
            if step % 500 == 0 || step == 3_999 {
                #expect(table.count == reference.count)
                var listed: [KPICell: Int64] = [:]
                for (cell, value) in table { listed[cell] = value }
                #expect(listed == reference)
                for (cell, value) in reference { #expect(table.value(cell) == value) }
            }
        }
    }

    @Test func anEmptyTableHasNoCells() {
        var table = KPICellTable()
        #expect(table.value(KPICell(packed: 1, word: 2)) == 0)
        table.add(0, at: KPICell(packed: 1, word: 2))
        #expect(table.count == 0)
        #expect(Array(table).isEmpty)
        table.add(5, at: KPICell(packed: 1, word: 2))
        table.add(-5, at: KPICell(packed: 1, word: 2))
        #expect(table.count == 0 && Array(table).isEmpty)
    }
}
