import CommunityContent
import CommunityModel
import Foundation
import Testing

/// Values from outside (a host's prefix, a clock far off) give ids instead of traps.
@Suite struct UntrustedInputTrapTests {
    @Test func stableIDKeepsOnlyIdentifierCharactersOfThePrefix() {
        let id: ID<User> = StableID.make("bad prefix/é:", "a", "b")
        #expect(id.rawValue.hasPrefix("badprefix:_"))
        #expect(ID<User>.isValid(id.rawValue))
        let long: ID<User> = StableID.make(String(repeating: "p", count: 100), "a")
        #expect(ID<User>.isValid(long.rawValue))
        #expect(long.rawValue.count == 40 + 1 + 16)
        let empty: ID<User> = StableID.make("", "a")
        #expect(ID<User>.isValid(empty.rawValue))
    }

    @Test func stableIDIsUnchangedForValidPrefixes() {
        let id: ID<User> = StableID.make("vw", "a")
        let hex = String(StableID.hash(["a"]), radix: 16)
        #expect(id.rawValue == "vw_" + String(repeating: "0", count: 16 - hex.count) + hex)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e300])
    func viewRecordOfAnyDateHasAnID(_ seconds: Double) {
        let record = ArticleViewRecord(articleID: "ka_1", userID: "pat", periodStart: Date(timeIntervalSince1970: seconds))
        #expect(ID<ArticleViewRecord>.isValid(record.id.rawValue))
    }

    @Test func viewRecordIDOfOrdinaryDatesUsesWholeSeconds() {
        let record = ArticleViewRecord(articleID: "ka_1", userID: "pat", periodStart: Date(timeIntervalSince1970: 86_400.75))
        let expected: ID<ArticleViewRecord> = StableID.make("vw", "ka_1", "pat", "86400")
        #expect(record.id == expected)
    }
}
