@testable import CommunityModel
import CommunityTesting
import Foundation
import Testing

/// ``CompactStream``, the encoder's fast path, against the tree of nodes it replaces (the
/// reference): byte-identical output for entities and random nested values, and every shape
/// it cannot stream handed back to the tree with the same bytes or the same error.
@Suite struct CompactStreamTests {
    /// The stream's bytes, or `nil` when it gave up on the value (the encoder then uses the tree).
    func streamed<T: Encodable>(_ value: T) throws -> [UInt8]? {
        let stream = CompactStream()
        try stream.write(value, path: CompactPath())
        return stream.failed || !stream.isComplete ? nil : stream.output.bytes
    }

    func sameAsTree<T: Encodable>(_ value: T, streams: Bool = true, _ comment: Comment? = nil) throws {
        let tree = try CompactEncoder().encodeThroughTree(value)
        #expect(try CompactEncoder().encode(value) == tree, comment)
        if streams { #expect(try streamed(value) == tree, comment) }
    }

    @Test func entitiesStreamTheTreesBytes() throws {
        try sameAsTree(
            Opportunity(
                id: "o1", name: "Grüße 💼 deal", accountID: "a1", stage: "Prospecting", amount: Decimal(string: "12345.67"),
                closeDate: try Day(year: 2026, month: 12, day: 7), probability: -3, region: nil, owner: "u1",
                customFields: [
                    "Score__c": .number(0.1), "Due__c": .dateTime(Date(timeIntervalSinceReferenceDate: 123.456)),
                    "Fee__c": .currency(Decimal(string: "-0.0001") ?? 0), "Ok__c": .checkbox(true), "Kind__c": .picklist(""),
                    "Ref__c": .reference("a2"), "Text__c": .text("x"), "Day__c": .date(try Day(year: 2024, month: 2, day: 29)),
                ]))
        try sameAsTree(
            SharingRule(
                id: "r1", name: "EMEA partners", object: "Account",
                selection: .criteria([SharingCriterion(field: "Region", equals: .picklist("EMEA"))]),
                sharedWith: .roleAndSubordinates("ceo"), accessLevel: .edit, accountChildAccess: ChildAccess(cases: .read)))
        try sameAsTree(
            User(
                id: "u1", kind: .partner, name: "Ana", email: "ana@example.com", profileID: "p1", permissionSetIDs: ["ps1", "ps2"],
                roleID: "r1", accountID: "a1"))
        try sameAsTree(
            Account(id: "a1", name: "Acme", owner: "u1", isPartner: true, region: "EMEA", industry: "Software", website: "acme.example"))
        try sameAsTree(Profile(id: "p", name: "Bench", permissions: PermissionGrants(objects: ["Account": .crud, "Case": .read])))
        try sameAsTree(OrgWideDefault(object: "Account", internalAccess: .private, externalAccess: .private))
    }

    /// A JSON-like value with every scalar the encoder knows, nested at random.
    indirect enum Tree: Encodable {
        case text(String), int(Int), uint(UInt64), double(Double), bool(Bool), null, data(Data), decimal(Decimal)
        case keyed([(String, Tree)]), list([Tree]), optional(Int?), small(Int8), float(Float)

        func encode(to encoder: any Encoder) throws {
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
            switch self {
            case .keyed(let entries):
                var container = encoder.container(keyedBy: Key.self)
                for (key, value) in entries { try container.encode(value, forKey: Key(stringValue: key)) }
            case .list(let items):
                var container = encoder.unkeyedContainer()
                for item in items { try container.encode(item) }
            case .text(let s): try s.encode(to: encoder)
            case .int(let n): try n.encode(to: encoder)
            case .uint(let n): try n.encode(to: encoder)
            case .double(let d): try d.encode(to: encoder)
            case .bool(let b): try b.encode(to: encoder)
            case .null:
                var container = encoder.singleValueContainer()
                try container.encodeNil()
            case .data(let d): try d.encode(to: encoder)
            case .decimal(let d): try d.encode(to: encoder)
            case .optional(let n): try n.encode(to: encoder)
            case .small(let n): try n.encode(to: encoder)
            case .float(let f): try f.encode(to: encoder)
            }
        }

        static func random(depth: Int, using g: inout some RandomNumberGenerator) -> Tree {
            let pick = depth <= 0 ? Int.random(in: 0..<11, using: &g) : Int.random(in: 0..<14, using: &g)
            switch pick {
            case 0: return .text(["", "a", "Grüße", "💼", String(repeating: "x", count: 200)].randomElement(using: &g) ?? "")
            case 1: return .int(Int.random(in: Int.min...Int.max, using: &g))
            case 2: return .uint(UInt64.random(in: 0...UInt64.max, using: &g))
            case 3: return .double(Double.random(in: -1e9...1e9, using: &g))
            case 4: return .bool(Bool.random(using: &g))
            case 5: return .null
            case 6: return .data(Data((0..<Int.random(in: 0..<5, using: &g)).map { UInt8($0) }))
            case 7: return .decimal(Decimal(Int.random(in: -999...999, using: &g)) / 100)
            case 8: return .optional(Bool.random(using: &g) ? nil : 7)
            case 9: return .small(Int8.random(in: -128...127, using: &g))
            case 10: return .float(1.5)
            case 11, 12:
                // Sometimes past 127 entries, where the count needs a second varint byte.
                let n = Int.random(in: 0..<10, using: &g) == 0 ? Int.random(in: 120..<300, using: &g) : Int.random(in: 0..<6, using: &g)
                let entries = (0..<n).map { ("k\($0)", random(depth: depth - 1, using: &g)) }
                return .keyed(entries)
            default:
                let n = Int.random(in: 0..<10, using: &g) == 0 ? Int.random(in: 120..<300, using: &g) : Int.random(in: 0..<6, using: &g)
                return .list((0..<n).map { _ in random(depth: depth - 1, using: &g) })
            }
        }
    }

    @Test func randomNestedValuesStreamTheTreesBytes() throws {
        var g = SeededRandom(seed: 0xC0_3AC7)
        for n in 0..<300 {
            try sameAsTree(Tree.random(depth: 4, using: &g), "value \(n)")
        }
        // A count of 16,384 or more takes three varint bytes.
        try sameAsTree(Tree.list((0..<20_000).map { .int($0) }))
    }

    /// Nested containers the synthesised enum coding opens (owner, field values), closed when
    /// the enclosing container moves on.
    @Test func nestedContainersStream() throws {
        struct Nested: Encodable {
            enum K: String, CodingKey { case a, b, c }
            func encode(to encoder: any Encoder) throws {
                var top = encoder.container(keyedBy: K.self)
                var inner = top.nestedContainer(keyedBy: K.self, forKey: .a)
                try inner.encode(1, forKey: .a)
                var list = inner.nestedUnkeyedContainer(forKey: .b)
                try list.encode("x")
                var deeper = list.nestedContainer(keyedBy: K.self)
                try deeper.encode(true, forKey: .c)
                try list.encode(2.5) // closes `deeper`
                try top.encode("after", forKey: .b)  // closes `inner` and `list`
                var items = top.nestedUnkeyedContainer(forKey: .c)
                var sub = items.nestedUnkeyedContainer()
                try sub.encodeNil()
            }
        }
        try sameAsTree(Nested())
    }

    /// Shapes the stream cannot reproduce are encoded by the tree, with the tree's bytes.
    @Test func shapesTheStreamCannotWriteFallBackToTheTree() throws {
        struct TwiceKeyed: Encodable {
            enum K: String, CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: K.self)
                try c.encode(1, forKey: .a)
                try c.encode(2, forKey: .b)
                try c.encode(3, forKey: .a)  // the tree keeps 3 in the first position
            }
        }
        struct LateWrite: Encodable {
            enum K: String, CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var top = encoder.container(keyedBy: K.self)
                var inner = top.nestedContainer(keyedBy: K.self, forKey: .a)
                try top.encode(1, forKey: .b)
                try inner.encode(2, forKey: .a)  // written into the tree's node after the parent moved on
            }
        }
        struct Super: Encodable {
            enum K: String, CodingKey { case a }
            func encode(to encoder: any Encoder) throws {
                var top = encoder.container(keyedBy: K.self)
                try "s".encode(to: top.superEncoder())
                try top.encode(1, forKey: .a)
            }
        }
        struct ValueThenContainer: Encodable {
            enum K: String, CodingKey { case a }
            func encode(to encoder: any Encoder) throws {
                var single = encoder.singleValueContainer()
                try single.encode(1)
                var c = encoder.container(keyedBy: K.self)
                try c.encode(2, forKey: .a)
            }
        }
        struct TwoValues: Encodable {
            func encode(to encoder: any Encoder) throws {
                var single = encoder.singleValueContainer()
                try single.encode(1)
                try single.encode("two")
            }
        }
        struct MixedContainers: Encodable {
            enum K: String, CodingKey { case a }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: K.self)
                try c.encode(1, forKey: .a)
                var u = encoder.unkeyedContainer()
                try u.encode(2)
            }
        }
        try sameAsTree(TwiceKeyed(), streams: false)
        #expect(try streamed(TwiceKeyed()) == nil)
        try sameAsTree(LateWrite(), streams: false)
        #expect(try streamed(LateWrite()) == nil)
        try sameAsTree(Super(), streams: false)
        #expect(try streamed(Super()) == nil)
        try sameAsTree(ValueThenContainer(), streams: false)
        #expect(try streamed(ValueThenContainer()) == nil)
        try sameAsTree(TwoValues(), streams: false)
        #expect(try streamed(TwoValues()) == nil)
        try sameAsTree(MixedContainers(), streams: false)
        #expect(try streamed(MixedContainers()) == nil)
        // The container reused after a nested one, as the tree shares its node.
        struct Reopened: Encodable {
            enum K: String, CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var first = encoder.container(keyedBy: K.self)
                var inner = first.nestedContainer(keyedBy: K.self, forKey: .a)
                try inner.encode(1, forKey: .b)
                var second = encoder.container(keyedBy: K.self)
                try second.encode(2, forKey: .b)
            }
        }
        try sameAsTree(Reopened())
    }

    @Test func aValueThatEncodesNothingThrowsAsTheTreeDoes() {
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
        struct Holder: Encodable { var inner = Nothing() }
        #expect(throws: EncodingError.self) { try CompactEncoder().encode(Nothing()) }
        #expect(throws: EncodingError.self) { try CompactEncoder().encode(Holder()) }
        #expect(throws: EncodingError.self) { try CompactEncoder().encodeThroughTree(Holder()) }
    }

    @Test func anErrorFromTheValueSurfacesUnchanged() {
        struct Refuses: Encodable {
            struct Refusal: Error {}
            func encode(to encoder: any Encoder) throws { throw Refusal() }
        }
        #expect(throws: Refuses.Refusal.self) { try CompactEncoder().encode([Refuses()]) }
    }
}
