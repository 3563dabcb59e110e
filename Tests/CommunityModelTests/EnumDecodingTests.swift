import CommunityModel
import Foundation
import Testing

/// `Owner` and `FieldValue` decode the form Swift synthesises for them (`{"case": {"_0": value}}`)
/// with hand-written decoders: same JSON as before, both encodings, and bad input refused.
@Suite struct EnumDecodingTests {
    static func values() throws -> [FieldValue] {
        [
            .text("a"), .number(2.5), .currency(Decimal(string: "12.30") ?? 0), .date(try Day(year: 2026, month: 12, day: 7)),
            .dateTime(Date(timeIntervalSinceReferenceDate: 1_000)), .checkbox(true), .picklist("Open"), .reference("acc-1"),
        ]
    }

    @Test func fieldValuesKeepTheirJSONAndRoundTripInBothEncodings() throws {
        #expect(String(decoding: try JSONEncoder().encode(FieldValue.picklist("Open")), as: UTF8.self) == #"{"picklist":{"_0":"Open"}}"#)
        for value in try Self.values() {
            #expect(try JSONDecoder().decode(FieldValue.self, from: JSONEncoder().encode(value)) == value)
            #expect(try EntityBody.decode(FieldValue.self, from: EntityBody.encode(value)) == value)
        }
    }

    @Test func ownersKeepTheirJSONAndRoundTripInBothEncodings() throws {
        #expect(String(decoding: try JSONEncoder().encode(Owner.user("u1")), as: UTF8.self) == #"{"user":{"_0":"u1"}}"#)
        for owner in [Owner.user("u1"), Owner.queue("q1")] {
            #expect(try JSONDecoder().decode(Owner.self, from: JSONEncoder().encode(owner)) == owner)
            #expect(try EntityBody.decode(Owner.self, from: EntityBody.encode(owner)) == owner)
        }
    }

    @Test(arguments: [
        #"{}"#, #"{"user":{"_0":"u1"},"queue":{"_0":"q1"}}"#, #"{"team":{"_0":"t1"}}"#, #"{"user":{"_1":"u1"}}"#,
        #"{"user":"u1"}"#, #"{"user":{"_0":""}}"#,
    ])
    func badOwnersAreRefused(_ json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Owner.self, from: Data(json.utf8)) }
    }

    @Test(arguments: [
        #"{}"#, #"{"text":{"_0":"a"},"number":{"_0":1}}"#, #"{"colour":{"_0":"red"}}"#, #"{"number":{"_0":"one"}}"#,
        #"{"checkbox":{}}"#,
    ])
    func badFieldValuesAreRefused(_ json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FieldValue.self, from: Data(json.utf8)) }
    }
}
