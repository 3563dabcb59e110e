import CommunityModel
import Foundation
import Testing

@Suite struct IDTests {
    @Test(arguments: ["a", "acc_123", "A-b.c:d_9", String(repeating: "x", count: 64)])
    func parsesValidIdentifiers(_ text: String) throws {
        let id = try ID<Account>(parsing: text)
        #expect(id.rawValue == text)
        #expect(id.description == text)
        #expect(ID<Account>.isValid(text))
    }

    @Test(arguments: ["", " ", "a b", "a/b", "<script>", "é", "acc\n", "a'b", "한국", String(repeating: "x", count: 65)])
    func rejectsInvalidIdentifiers(_ text: String) {
        #expect(!ID<Account>.isValid(text))
        #expect(throws: ValidationError(field: "id", reason: .invalidIdentifier(String(text.prefix(80))))) {
            try ID<Account>(parsing: text)
        }
    }

    @Test func longInvalidTextIsCutInTheError() {
        let text = String(repeating: "é", count: 200)
        #expect(throws: ValidationError(field: "id", reason: .invalidIdentifier(String(repeating: "é", count: 80)))) {
            try ID<Case>(parsing: text)
        }
    }

    @Test func encodesAsABareString() throws {
        let id: ID<Account> = "acme"
        let data = try JSONEncoder().encode(["account": id])
        #expect(String(decoding: data, as: UTF8.self) == #"{"account":"acme"}"#)
        let decoded = try JSONDecoder().decode([String: ID<Account>].self, from: data)
        #expect(decoded["account"] == id)
    }

    @Test func decodingRejectsMalformedIdentifiers() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ID<Account>].self, from: Data(#"["a b"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ID<Account>].self, from: Data(#"[""]"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ID<Account>].self, from: Data("[42]".utf8)) }
    }

    @Test func generatesFreshValidIdentifiersWithThePrefix() {
        let ids = (0..<100).map { _ in ID<Lead>.generate(prefix: "lead") }
        #expect(Set(ids).count == 100)
        for id in ids {
            #expect(id.rawValue.hasPrefix("lead_"))
            #expect(id.rawValue.count == 25)
            #expect(ID<Lead>.isValid(id.rawValue))
        }
        #expect(ID<Lead>.generate().rawValue.hasPrefix("id_"))
    }

    @Test func ordersByTextAndRetypesWithoutChangingTheText() {
        let a: ID<Account> = "a", b: ID<Account> = "b"
        #expect(a < b)
        #expect([b, a].sorted() == [a, b])
        let asContact: ID<Contact> = a.retyped()
        #expect(asContact.rawValue == "a")
        #expect(a.retyped(as: Case.self) == ID<Case>("a"))
    }
}
