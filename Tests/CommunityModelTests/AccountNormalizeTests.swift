import CommunityTesting
import Foundation
import CommunityModel
import Testing

@Suite struct AccountNormalizeTests {
    @Test(arguments: [
        ("Acme GmbH", "acme"),
        ("ACME, Inc.", "acme"),
        ("The Acme Corporation", "acme"),
        ("Acme Co. Ltd", "acme"),
        ("Société Générale", "societe generale"),
        ("Müller AG", "muller"),
        ("주식회사 삼성", "삼성"),
        ("ＡＣＭＥ ＬＬＣ", "acme"),
        ("  Globex   International  ", "globex international"),
        ("Initech 2", "initech 2"),
        ("", ""),
    ])
    func foldsNamesForDuplicateDetection(_ name: String, _ expected: String) {
        #expect(Account.normalize(name: name) == expected)
    }

    /// The all-ASCII fast path folds exactly like the general one (Foundation folding, then
    /// splitting on anything that is not a letter or number).
    @Test func asciiNamesFoldLikeTheGeneralPath() {
        let suffixes: Set<String> = ["inc", "incorporated", "gmbh", "ltd", "limited", "ag", "co", "corp", "corporation", "llc", "plc",
                                     "sa", "se", "kg", "the", "주식회사", "(주)", "주"]
        func general(_ name: String) -> String {
            let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            return folded.split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !suffixes.contains($0) }.joined(separator: " ")
        }
        var rng = SeededRandom(seed: 0xAC_C0)
        let alphabet = Array("AbcDeGmHLtdInCo. ,-&'9\t\r\nxyZ_()".unicodeScalars)
        for _ in 0..<2_000 {
            let name = String(String.UnicodeScalarView((0..<Int.random(in: 0...24, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? "a" }))
            #expect(Account.normalize(name: name) == general(name), "\(name.debugDescription)")
        }
    }

    @Test func duplicatesNormalizeAlike() {
        #expect(Account.normalize(name: "Acme GmbH") == Account.normalize(name: "ACME gmbh."))
        #expect(Account.normalize(name: "Acme") != Account.normalize(name: "Acne"))
    }
}
