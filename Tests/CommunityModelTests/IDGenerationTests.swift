import CommunityModel
import Synchronization
import Testing

@Suite struct IDGenerationTests {
    @Test func generatedIdentifiersAreUniqueParseAndHaveTwentyHexDigits() throws {
        var seen = Set<String>()
        for _ in 0..<50_000 {
            let id = ID<Lead>.generate(prefix: "fi")
            #expect(seen.insert(id.rawValue).inserted)
            let suffix = id.rawValue.dropFirst(3)
            #expect(id.rawValue.hasPrefix("fi_"))
            #expect(suffix.count == 20)
            #expect(suffix.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) })
            #expect(try ID<Lead>(parsing: id.rawValue) == id)
        }
        // The digits look random: every hex digit shows up in every position.
        let all = Array(seen)
        for position in 0..<20 {
            let digits = Set(all.prefix(2_000).map { Array($0.utf8)[3 + position] })
            #expect(digits.count == 16)
        }
    }

    @Test func concurrentGenerationNeverRepeats() async {
        let ids = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask { (0..<10_000).map { _ in ID<Lead>.generate(prefix: "x").rawValue } }
            }
            var all: [String] = []
            for await batch in group { all += batch }
            return all
        }
        #expect(ids.count == 40_000)
        #expect(Set(ids).count == 40_000)
    }

    @Test func longValidPrefixesWork() {
        let prefix = String(repeating: "p", count: 43)
        let id = ID<Lead>.generate(prefix: prefix)
        #expect(id.rawValue.utf8.count == 64)
        #expect(ID<Lead>.isValid(id.rawValue))
    }
}
