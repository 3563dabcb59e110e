import CommunityModel
import Foundation
import Testing

/// Stored access fields answer every covered field exactly like the record did, survive
/// their stored form, and refuse damaged bytes with a typed error.
@Suite struct RecordAccessFieldsTests {
    static let custom: [String: FieldValue] = [
        "Region__c": .picklist("EMEA"), "Budget__c": .currency(Decimal(string: "1234.56") ?? 0), "Due__c": .date(Day(Date(timeIntervalSince1970: 1_772_323_200))),
        "Seen__c": .dateTime(Date(timeIntervalSince1970: 1_700_000_000)), "Vip__c": .checkbox(true), "Score__c": .number(-2.5),
        "Note__c": .text("ä€𝄞"), "Distributor__c": .reference("acct-9"), "plain": .text("not covered"),
    ]

    static let records: [any Record] = [
        Account(id: "a1", name: "Acme", owner: "u1", parentID: "a0", isPartner: true, partnerTier: .gold, region: "EMEA", industry: "Tech", customFields: custom),
        Account(id: "a2", name: "Bare", owner: "u2"),
        Contact(id: "c1", lastName: "Li", accountID: "a1", owner: "u1", customFields: custom),
        Case(id: "k1", subject: "Help", accountID: "a1", contactID: "c1", status: "Published", priority: .high, owner: .queue("q1"), customFields: custom),
        Opportunity(id: "o1", name: "Deal", accountID: nil, stage: "Won", closeDate: Day(Date(timeIntervalSince1970: 1_767_312_000)), region: "NA", owner: "u3", customFields: custom),
        Lead(id: "l1", lastName: "Kim", company: "Initech", source: "Web", partnerAccountID: "a1", region: "APAC", owner: .user("u4")),
    ]

    static func names(_ record: any Record) -> [String] {
        RecordAccessFields.standardFields + Array(record.customFields.keys) + ["Name", "OwnerId", "Id", "Missing__c", "Nothing"]
    }

    @Test func coveredFieldsAnswerLikeTheRecordThroughTheStoredForm() throws {
        for record in Self.records {
            let fields = RecordAccessFields(of: record)
            let bytes = try fields.encoded()
            let read = try RecordAccessFields(decoding: bytes, range: 0..<bytes.count, type: "T", id: "x")
            #expect(read == fields)
            #expect(read.owner == record.owner)
            #expect(read.accountID == record.accountID?.rawValue)
            for name in Self.names(record) where RecordAccessFields.covers(name) {
                #expect(read.value(of: name) == record.value(of: name), "\(name)")
            }
            #expect(!RecordAccessFields.covers("plain") && !RecordAccessFields.covers("Name") && !RecordAccessFields.covers("OwnerId"))
        }
    }

    @Test func noStandardFieldNameEndsInCustomSuffix() {
        // Custom (__c) names are covered because every record answers them from its custom
        // fields: a standard field of that name would shadow the custom value.
        for record in Self.records {
            #expect(record.value(of: "Region__c") == record.customFields["Region__c"])
            #expect(record.value(of: "Missing__c") == nil)
        }
    }

    @Test func damagedBytesAreCorrupt() throws {
        let bytes = try RecordAccessFields(of: Self.records[3]).encoded()
        var damaged: [[UInt8]] = [[], [0x00], Array(bytes.dropLast()), bytes + [0], [bytes[0], 7]]
        for cut in stride(from: 1, to: bytes.count, by: 3) { damaged.append(Array(bytes.prefix(cut))) }
        damaged.append([RecordAccessFields.format, 0, 2, 0x75, 0x31, 0, 1, 1, 0x58, 9])  // field X with tag 9
        damaged.append([RecordAccessFields.format, 0, 2, 0x75, 0x31, 2])  // account flag 2
        damaged.append([RecordAccessFields.format, 3, 2, 0x75, 0x31, 0, 0])  // owner kind 3
        damaged.append([RecordAccessFields.format, 0, 2, 0x20, 0x31, 0, 0])  // owner id " 1"
        for d in damaged {
            #expect(throws: StoreError.self) { _ = try RecordAccessFields(decoding: d, range: 0..<d.count, type: "Case", id: "k1") }
        }
        #expect(throws: StoreError.self) { _ = try RecordAccessFields(decoding: bytes, range: 0..<(bytes.count + 1), type: "Case", id: "k1") }
        let error = #expect(throws: StoreError.self) { _ = try RecordAccessFields(decoding: [0x00], range: 0..<1, type: "Case", id: "k1") }
        #expect(error == .corrupt(entity: "Case", id: "k1", detail: "access fields: unknown format"))
    }
}
