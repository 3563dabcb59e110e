import CommunityModel
import Foundation
import Testing

/// ``CompactEncoder``/``CompactDecoder`` and ``EntityBody``: exact round trips, legacy JSON,
/// and malformed input that throws instead of trapping.
@Suite struct CompactCodingTests {
    func opportunity() throws -> Opportunity {
        Opportunity(
            id: "o1", name: "Grüße 💼 deal", accountID: "a1", stage: "Prospecting", amount: Decimal(string: "12345.67"),
            closeDate: try Day(year: 2026, month: 12, day: 7), probability: -3, region: nil, owner: "u1",
            customFields: [
                "Score__c": .number(0.1), "Due__c": .dateTime(Date(timeIntervalSinceReferenceDate: 123.456)),
                "Fee__c": .currency(Decimal(string: "-0.0001") ?? 0), "Ok__c": .checkbox(true), "Kind__c": .picklist(""),
            ])
    }

    func rule() -> SharingRule {
        SharingRule(
            id: "r1", name: "EMEA partners", object: "Account",
            selection: .criteria([SharingCriterion(field: "Region", equals: .picklist("EMEA"))]),
            sharedWith: .roleAndSubordinates("ceo"), accessLevel: .edit, accountChildAccess: ChildAccess(cases: .read))
    }

    @Test func entitiesRoundTripExactly() throws {
        let o = try opportunity()
        #expect(try EntityBody.decode(Opportunity.self, from: EntityBody.encode(o)) == o)
        let r = rule()
        #expect(try EntityBody.decode(SharingRule.self, from: EntityBody.encode(r)) == r)
        let u = User(
            id: "u1", kind: .partner, name: "Ana", email: "ana@example.com", profileID: "p1", permissionSetIDs: ["ps1", "ps2"],
            roleID: "r1", accountID: "a1")
        #expect(try EntityBody.decode(User.self, from: EntityBody.encode(u)) == u)
    }

    @Test func compactIsSmallerThanJSONAndStartsWithItsVersionByte() throws {
        let o = try opportunity()
        let compact = try EntityBody.encode(o)
        #expect(compact.first == EntityBody.compactVersion)
        #expect(compact.count < (try JSONEncoder().encode(o)).count)
    }

    @Test func legacyJSONBodiesStillDecode() throws {
        let o = try opportunity()
        let json = [UInt8](try JSONEncoder().encode(o))
        #expect(try EntityBody.decode(Opportunity.self, from: json) == o)
    }

    @Test func numbersKeepTheirRangeAndKind() throws {
        struct Numbers: Codable, Equatable {
            var small: Int8 = -128
            var big: UInt64 = .max
            var min: Int64 = .min
            var pi = Double.pi
            var infinite = Double.infinity
            var list: [Int?] = [1, nil, -1]
        }
        let bytes = try CompactEncoder().encode(Numbers())
        #expect(try CompactDecoder().decode(Numbers.self, from: bytes) == Numbers())
        struct Narrow: Decodable { var big: UInt8 }
        #expect(throws: DecodingError.self) { try CompactDecoder().decode(Narrow.self, from: bytes) }
        struct Wrong: Decodable { var small: String }
        #expect(throws: DecodingError.self) { try CompactDecoder().decode(Wrong.self, from: bytes) }
        struct Missing: Decodable { var absent: Int }
        #expect(throws: DecodingError.self) { try CompactDecoder().decode(Missing.self, from: bytes) }
    }

    @Test func everyTruncationAndByteFlipThrowsOrDecodesWithoutTrapping() throws {
        let bytes = try EntityBody.encode(try opportunity())
        for end in 0..<bytes.count {
            #expect(throws: DecodingError.self) { try EntityBody.decode(Opportunity.self, from: Array(bytes[..<end])) }
        }
        for i in 1..<bytes.count {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[i] ^= flip
                _ = try? EntityBody.decode(Opportunity.self, from: damaged)
            }
        }
    }

    @Test func hostileShapesAreTypedErrors() {
        // An unknown format byte, an empty body, a length past the end, a huge varint,
        // nesting deeper than the limit, and bytes after the value.
        #expect(throws: DecodingError.self) { try EntityBody.decode(Opportunity.self, from: [0x42, 0x00]) }
        #expect(throws: DecodingError.self) { try EntityBody.decode(Opportunity.self, from: []) }
        #expect(throws: DecodingError.self) { try CompactDecoder().decode(String.self, from: [6, 0xFF, 0xFF, 0x03, 65]) }
        #expect(throws: DecodingError.self) { try CompactDecoder().decode(Int.self, from: [3] + [UInt8](repeating: 0xFF, count: 11) + [1]) }
        let deep: [UInt8] = (0..<300).flatMap { _ in [UInt8(8), 1] } + [0]
        #expect(throws: DecodingError.self) { try CompactDecoder().decode([Int].self, from: deep) }
        #expect(throws: DecodingError.self) { try CompactDecoder().decode(Bool.self, from: [2, 2]) }
    }
}
