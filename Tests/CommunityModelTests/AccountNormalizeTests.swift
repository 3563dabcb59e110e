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

    @Test func duplicatesNormalizeAlike() {
        #expect(Account.normalize(name: "Acme GmbH") == Account.normalize(name: "ACME gmbh."))
        #expect(Account.normalize(name: "Acme") != Account.normalize(name: "Acne"))
    }
}
