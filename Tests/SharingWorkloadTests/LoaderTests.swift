import Foundation
import SharingWorkload
import Testing

@Suite("Workload loader")
struct LoaderTests {
    @Test func loadsTheHandwrittenFile() throws {
        let w = try WorkloadLoader.parse(TinyWorkloadJSON.text)
        #expect(w.scale == "handwritten")
        #expect(w.seed == 7)
        #expect(w.users.count == 3)
        #expect(w.users[2] == WorkloadUser(id: "u3", kind: .customer, role: nil, profile: "Cust", account: "a1"))
        #expect(w.roles[1].parent == "r1")
        #expect(w.groups[0].members == [.user("u2"), .roleAndSubordinates("r2")])
        #expect(w.sharingRules[0].selector == .criteria(field: .region, equals: "EMEA"))
        #expect(w.sharingSets[0].userKinds == [.customer])
        #expect(w.manualShares[0] == ManualShareSpec(record: "rec1", to: .user("u3"), access: .read))
        #expect(w.records[0] == WorkloadRecord(id: "rec1", object: .opportunity, owner: "u2", account: "a1", region: "NA", amount: 5000))
        #expect(w.orgDefaults.level(for: .internal, on: .case) == .read)
        #expect(w.orgDefaults.level(for: .customer, on: .case) == .none)
        #expect(w.checks.count == 5)
        #expect(w.lists[2] == ListSample(user: "u3", object: .case, expectedCount: 1))
    }

    @Test func theReferenceAgreesWithTheHandwrittenAnswers() throws {
        let w = try WorkloadLoader.parse(TinyWorkloadJSON.text)
        let r = ReferenceEvaluator(w)
        for check in w.checks {
            #expect(r.allows(user: check.user, record: check.record, action: check.action) == check.expected, "\(check)")
        }
        for list in w.lists {
            #expect(r.readableCount(user: list.user, object: list.object) == list.expectedCount, "\(list)")
        }
    }

    @Test func acceptsAnyLayoutAndKeyOrderOfValidJSON() throws {
        // Re-serialise through Foundation (other key order, other whitespace, escaped slashes).
        let object = try JSONSerialization.jsonObject(with: Data(TinyWorkloadJSON.text.utf8))
        let pretty = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        let a = try WorkloadLoader.parse(TinyWorkloadJSON.text)
        let b = try WorkloadLoader.parse(pretty)
        #expect(a.users == b.users && a.records == b.records && a.groups == b.groups && a.checks == b.checks)
        // Escapes in strings and unknown keys are fine.
        let escaped = TinyWorkloadJSON.replacing(#""scale": "handwritten""#, with: #""scale": "hand\u0077ritten\n\ud83d\ude00", "extra": [1, 2.5e3, {"x": null}]"#)
        #expect(try WorkloadLoader.parse(escaped).scale == "handwritten\n😀")
    }

    @Test func writerOutputLoadsBackUnchanged() throws {
        let w = WorkloadGenerator.generate(.tiny, seed: 5)
        let back = try WorkloadLoader.parse(WorkloadWriter.json(w))
        #expect(back.users == w.users)
        #expect(back.roles == w.roles)
        #expect(back.groups == w.groups)
        #expect(back.records == w.records)
        #expect(back.sharingRules == w.sharingRules)
        #expect(back.manualShares == w.manualShares)
        #expect(back.checks == w.checks)
        #expect(back.lists == w.lists)
        #expect(back.profiles == w.profiles)
        #expect(back.orgDefaults == w.orgDefaults)
    }

    @Test func loadsFromAFileAndReportsAMissingFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sharing-\(UUID().uuidString).json").path
        try TinyWorkloadJSON.text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try WorkloadLoader.load(path: path).records.count == 3)
        #expect(throws: WorkloadError.self) { try WorkloadLoader.load(path: path + ".missing") }
    }

    @Test(arguments: [
        // A record line cut short: the error names the line of the break.
        (TinyWorkloadJSON.replacing(#""region":"NA","amount":5000},"#, with: #""region":"NA","amount":5000,"#),
         WorkloadError.syntax(line: 28, message: "expected a key, found '{'")),
        (TinyWorkloadJSON.replacing(#"{"id":"rec2","object":"Case","#, with: #"{"id":"rec2","#),
         WorkloadError.missingKey(line: 28, key: "records[1].object")),
        (TinyWorkloadJSON.replacing(#""amount":5000"#, with: #""amount":"lots""#),
         WorkloadError.wrongType(line: 27, key: "records[0].amount", expected: "an integer")),
        (TinyWorkloadJSON.replacing(#""action":"edit","expected":true"#, with: #""action":"delete","expected":true"#),
         WorkloadError.invalidValue(line: 32, key: "checks[0].action", value: "\"delete\"")),
        (TinyWorkloadJSON.replacing(#""to":{"group":"g1"}"#, with: #""to":{"team":"g1"}"#),
         WorkloadError.invalidValue(line: 22, key: "sharingRules[0].to", value: "\"team\"")),
        (TinyWorkloadJSON.replacing(#""access":"read"}"#, with: #""access":"admin"}"#),
         WorkloadError.invalidValue(line: 22, key: "sharingRules[0].access", value: "\"admin\"")),
        (TinyWorkloadJSON.replacing(#""owner":"u2""#, with: #""owner":"ghost""#),
         WorkloadError.unknownReference(kind: "user", id: "ghost", referencedBy: "record rec1")),
        (TinyWorkloadJSON.replacing(#""sharing-workload/1""#, with: #""sharing-workload/9""#),
         WorkloadError.unsupportedFormat("sharing-workload/9")),
        (TinyWorkloadJSON.replacing(#"{"id":"rec2""#, with: #"{"id":"rec1""#),
         WorkloadError.duplicateID(section: "records", id: "rec1")),
        (TinyWorkloadJSON.replacing(#""parent":null"#, with: #""parent":"r2""#),
         WorkloadError.cycle(kind: "role", id: "r1")),
        (TinyWorkloadJSON.replacing(#"[{"id":"g1","members":[{"user":"u2"}"#, with: #"[{"id":"g1","members":[{"group":"g1"}"#),
         WorkloadError.cycle(kind: "group", id: "g1")),
        (TinyWorkloadJSON.replacing(#""manualShares": ["#, with: #""manualShares": 3, "x": ["#),
         WorkloadError.wrongType(line: 25, key: "manualShares", expected: "an array")),
        (TinyWorkloadJSON.replacing(#""scale": "handwritten","#, with: #""scale": "hand"#),
         WorkloadError.syntax(line: 3, message: "control character in string")),
        (TinyWorkloadJSON.text + "x", WorkloadError.syntax(line: 43, message: "unexpected 'x' after the top-level value")),
        (String(TinyWorkloadJSON.text.prefix(200)), WorkloadError.syntax(line: 6, message: "unterminated string")),
    ])
    func malformedInputGetsATypedError(text: String, error: WorkloadError) {
        #expect(throws: error) { try WorkloadLoader.parse(text) }
    }

    @Test func aMissingSectionIsNamed() {
        let text = TinyWorkloadJSON.replacing(#""sharingSets": ["#, with: #""notSets": ["#)
        #expect(throws: WorkloadError.missingKey(line: 1, key: "sharingSets")) { try WorkloadLoader.parse(text) }
    }
}
