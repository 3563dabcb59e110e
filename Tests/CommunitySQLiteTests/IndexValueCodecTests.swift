@testable import CommunitySQLite
import CommunityModel
import Foundation
import Testing

@Suite struct IndexValueCodecTests {
    static let values: [FieldValue] = [
        .text(""), .text("a:b:c"), .text("Grüße 안녕 \u{1F600}"), .picklist("Closed Won"), .reference("user:u1"),
        .number(0), .number(-0.0), .number(1e300), .number(-2.5), .number(.pi), .number(.infinity),
        .currency(Decimal(string: "1500.50")!), .currency(Decimal(string: "-0.000001")!), .currency(Decimal(string: "12345678901234567890.123")!),
        .date(try! Day(parsing: "2024-02-29")), .dateTime(Date(timeIntervalSinceReferenceDate: 123.456_789)),
        .dateTime(Date(timeIntervalSince1970: -86_400)), .checkbox(true), .checkbox(false),
    ]

    @Test(arguments: values)
    func roundTripsExactly(_ value: FieldValue) {
        #expect(IndexValueCodec.decode(IndexValueCodec.encode(value)) == value)
    }

    @Test func equalValuesShareALookupKey() {
        #expect(IndexKey.of(.number(0)) == IndexKey.of(.number(-0.0)))
        #expect(IndexKey.of(.currency(Decimal(string: "1.50")!)) == IndexKey.of(.currency(Decimal(string: "1.5")!)))
        #expect(IndexKey.of(.text("e\u{301}")) == IndexKey.of(.text("\u{E9}")))
        #expect(IndexKey.of(.text("1")) != IndexKey.of(.picklist("1")))
    }

    @Test(arguments: ["", "x", "t", "z:1", "n:zz", "b:2", "d:2026-02-30", "c:abc", "T:"])
    func rejectsUnreadableText(_ text: String) {
        #expect(IndexValueCodec.decode(text) == nil)
    }
}
