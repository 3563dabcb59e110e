@testable import CommunityModel
import CommunityTesting
import Foundation
import Testing

/// ``CompactBodyCodable``, the direct body writers and readers, against the `Codable` path
/// (the reference): for thousands of random entities of every adopted type, the same bytes
/// as ``CompactEncoder`` (tree and stream), the same values from the direct and the
/// `Codable` reader, and corrupted bytes that throw `DecodingError` or read as `Codable` reads them.
@Suite struct CompactBodyCodableTests {

    // MARK: Random values

    static let texts = ["", "a", "Grüße 💼 deal", "한국어 텍스트", "e\u{301}", "é", "tab\tline\nend", "\u{0}", "\"quoted\" \\ back"]

    static func text(_ g: inout SeededRandom) -> String {
        if Bool.random(using: &g) { return texts.randomElement(using: &g) ?? "" }
        let scalars: [Character] = ["a", "Z", "0", " ", "ß", "💼", "漢", "-", "_", "é"]
        return String((0..<Int.random(in: 0...40, using: &g)).map { _ in scalars.randomElement(using: &g) ?? "a" })
    }

    static func optionalText(_ g: inout SeededRandom) -> String? { Bool.random(using: &g) ? text(&g) : nil }

    static func id<E>(_ g: inout SeededRandom, _ type: E.Type = E.self) -> ID<E> {
        let alphabet = Array("abcXYZ019_-.:".utf8)
        let n = Int.random(in: 1...64, using: &g)
        let bytes = (0..<n).map { _ in alphabet.randomElement(using: &g) ?? UInt8(ascii: "a") }
        return ID(uncheckedRawValue: String(decoding: bytes, as: UTF8.self))
    }

    static func optionalID<E>(_ g: inout SeededRandom, _ type: E.Type = E.self) -> ID<E>? { Bool.random(using: &g) ? id(&g) : nil }

    static func double(_ g: inout SeededRandom) -> Double {
        switch Int.random(in: 0..<6, using: &g) {
        case 0: return 0
        case 1: return Double.random(in: -1e300...1e300, using: &g)
        case 2: return Double(Int.random(in: -1_000_000...1_000_000, using: &g))
        case 3: return [Double.greatestFiniteMagnitude, -Double.leastNonzeroMagnitude, 1e15, 0.1].randomElement(using: &g) ?? 1
        default: return Double.random(in: -1000...1000, using: &g)
        }
    }

    static func decimal(_ g: inout SeededRandom) -> Decimal {
        let significand = Decimal(UInt64.random(in: 0...999_999_999_999, using: &g))
        let value = Decimal(sign: Bool.random(using: &g) ? .minus : .plus, exponent: Int.random(in: -6...6, using: &g), significand: significand)
        return Decimal(string: value.description, locale: Locale(identifier: "en_US_POSIX")) ?? 0
    }

    static func date(_ g: inout SeededRandom) -> Date {
        Bool.random(using: &g)
            ? Date(timeIntervalSinceReferenceDate: Double(Int.random(in: -2_000_000_000...2_000_000_000, using: &g)))
            : Date(timeIntervalSinceReferenceDate: Double.random(in: -1e10...1e10, using: &g))
    }

    static func day(_ g: inout SeededRandom) -> Day {
        (try? Day(year: Int.random(in: 1...9999, using: &g), month: Int.random(in: 1...12, using: &g), day: Int.random(in: 1...28, using: &g)))
            ?? Day(Date(timeIntervalSince1970: 0))
    }

    static func fieldValue(_ g: inout SeededRandom) -> FieldValue {
        switch Int.random(in: 0..<8, using: &g) {
        case 0: .text(text(&g))
        case 1: .number(double(&g))
        case 2: .currency(decimal(&g))
        case 3: .date(day(&g))
        case 4: .dateTime(date(&g))
        case 5: .checkbox(Bool.random(using: &g))
        case 6: .picklist(text(&g))
        default: .reference(text(&g))
        }
    }

    static let names = ["", "Région__c", "名前__c", "💼", "a b", "Z", "\u{0}"]

    static func customFields(_ g: inout SeededRandom) -> CustomFieldValues {
        var values = CustomFieldValues()
        for _ in 0..<Int.random(in: 0...6, using: &g) {
            // Names without combining sequences: a name such as "e\u{301} " can sort before "é" in
            // `CustomFieldValues` and then read back in another order through either path.
            let name = Bool.random(using: &g)
                ? "F\(Int.random(in: 0...20, using: &g))__c" : (names.randomElement(using: &g) ?? "") + String(Int.random(in: 0...9, using: &g))
            values[name] = fieldValue(&g)
        }
        return values
    }

    static func owner(_ g: inout SeededRandom) -> Owner { Bool.random(using: &g) ? .user(id(&g)) : .queue(id(&g)) }

    static func account(_ g: inout SeededRandom) -> Account {
        Account(
            fields: Account.Fields(
                id: id(&g), name: text(&g), owner: owner(&g), parentID: optionalID(&g), isPartner: Bool.random(using: &g),
                partnerTier: Bool.random(using: &g) ? Account.PartnerTier.allCases.randomElement(using: &g) : nil,
                region: optionalText(&g), industry: optionalText(&g), website: optionalText(&g), customFields: customFields(&g)))
    }

    static func supportCase(_ g: inout SeededRandom) -> Case {
        Case(
            fields: Case.Fields(
                id: id(&g), subject: text(&g), description: text(&g), accountID: optionalID(&g), contactID: optionalID(&g),
                status: text(&g), priority: Case.Priority.allCases.randomElement(using: &g) ?? .low,
                origin: Case.Origin.allCases.randomElement(using: &g) ?? .web, product: optionalText(&g), createdAt: date(&g),
                owner: owner(&g), customFields: customFields(&g), siteID: optionalText(&g)))
    }

    static func contact(_ g: inout SeededRandom) -> Contact {
        Contact(
            fields: Contact.Fields(
                id: id(&g), firstName: text(&g), lastName: text(&g), email: optionalText(&g), phone: optionalText(&g),
                accountID: optionalID(&g), owner: owner(&g), customFields: customFields(&g)))
    }

    static func lead(_ g: inout SeededRandom) -> Lead {
        Lead(
            fields: Lead.Fields(
                id: id(&g), firstName: text(&g), lastName: text(&g), company: text(&g), email: optionalText(&g),
                status: Lead.Status.allCases.randomElement(using: &g) ?? .new, source: optionalText(&g),
                partnerAccountID: optionalID(&g), region: optionalText(&g), product: optionalText(&g), owner: owner(&g),
                customFields: customFields(&g), siteID: optionalText(&g)))
    }

    static func opportunity(_ g: inout SeededRandom) -> Opportunity {
        let probability = [0, -1, 100, Int.max, Int.min, Int.random(in: -1000...1000, using: &g)].randomElement(using: &g) ?? 0
        return Opportunity(
            fields: Opportunity.Fields(
                id: id(&g), name: text(&g), accountID: optionalID(&g), stage: text(&g),
                amount: Bool.random(using: &g) ? decimal(&g) : nil, closeDate: day(&g), probability: probability,
                partnerAccountID: optionalID(&g), nextStep: optionalText(&g), region: optionalText(&g), owner: owner(&g),
                customFields: customFields(&g), siteID: optionalText(&g)))
    }

    static func user(_ g: inout SeededRandom) -> User {
        User(
            id: id(&g), kind: User.Kind.allCases.randomElement(using: &g) ?? .internal, name: text(&g), nickname: text(&g),
            email: text(&g), isActive: Bool.random(using: &g), locale: text(&g), timeZone: text(&g), profileID: id(&g),
            permissionSetIDs: (0..<Int.random(in: 0...3, using: &g)).map { _ in id(&g) },
            permissionSetGroupIDs: (0..<Int.random(in: 0...2, using: &g)).map { _ in id(&g) }, roleID: optionalID(&g),
            contactID: optionalID(&g), accountID: optionalID(&g), managerID: optionalID(&g),
            isSuperUser: Bool.random(using: &g), isHighVolume: Bool.random(using: &g), department: optionalText(&g),
            siteID: optionalText(&g), joinedAt: Bool.random(using: &g) ? date(&g) : nil)
    }

    static func level(_ g: inout SeededRandom) -> AccessLevel { AccessLevel.allCases.randomElement(using: &g) ?? .read }

    static func childAccess(_ g: inout SeededRandom) -> ChildAccess {
        ChildAccess(cases: level(&g), contacts: level(&g), opportunities: level(&g))
    }

    static func grantee(_ g: inout SeededRandom) -> Grantee {
        switch Int.random(in: 0..<8, using: &g) {
        case 0: .user(id(&g))
        case 1: .group(id(&g))
        case 2: .role(id(&g))
        case 3: .roleAndSubordinates(id(&g))
        case 4: .roleAndInternalSubordinates(id(&g))
        case 5: .queue(id(&g))
        case 6: .allPartnerUsers
        default: .allCustomerPortalUsers
        }
    }

    static func member(_ g: inout SeededRandom) -> GroupMember {
        switch Int.random(in: 0..<5, using: &g) {
        case 0: .user(id(&g))
        case 1: .role(id(&g))
        case 2: .roleAndSubordinates(id(&g))
        case 3: .roleAndInternalSubordinates(id(&g))
        default: .group(id(&g))
        }
    }

    static func share(_ g: inout SeededRandom) -> RecordShare {
        let cause: RecordShare.Cause =
            switch Int.random(in: 0..<3, using: &g) {
            case 0: .manual
            case 1: .team(text(&g))
            default: .programmatic(text(&g))
            }
        return RecordShare(
            id: id(&g), object: EntityType(text(&g)), recordID: text(&g), sharedWith: grantee(&g), accessLevel: level(&g),
            cause: cause, accountChildAccess: childAccess(&g), recordOwner: Bool.random(using: &g) ? owner(&g) : nil)
    }

    static func role(_ g: inout SeededRandom) -> Role {
        Role(
            id: id(&g), name: text(&g), parentID: optionalID(&g), kind: Role.Kind.allCases.randomElement(using: &g) ?? .internal,
            accountID: optionalID(&g), externalLevel: Bool.random(using: &g) ? Role.ExternalLevel.allCases.randomElement(using: &g) : nil,
            accountChildAccess: childAccess(&g))
    }

    static func group(_ g: inout SeededRandom) -> PublicGroup {
        PublicGroup(
            id: id(&g), name: text(&g), members: (0..<Int.random(in: 0...5, using: &g)).map { _ in member(&g) },
            grantAccessUsingHierarchies: Bool.random(using: &g))
    }

    // MARK: Checks

    /// The direct bytes of `value` (through ``EntityBody``, which must take the direct path).
    static func directBytes<T: CompactBodyCodable>(_ value: T) -> [UInt8] {
        var writer = CompactBodyWriter()
        writer.byte(EntityBody.compactVersion)
        value.writeCompactBody(to: &writer)
        return writer.bytes
    }

    static func directRead<T: CompactBodyCodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
        var reader = try CompactBodyReader(bytes, range: 1..<bytes.count)
        let value = try T(compactBody: &reader)
        try reader.expectEnd()
        return value
    }

    /// Every property for one value: direct bytes == tree bytes == stream bytes == EntityBody
    /// bytes; direct and `Codable` readers give the value back; legacy JSON still decodes.
    static func check<T: CompactBodyCodable & Equatable>(_ value: T, json: Bool) throws {
        let direct = directBytes(value)
        let tree = [EntityBody.compactVersion] + (try CompactEncoder().encodeThroughTree(value))
        #expect(direct == tree, "\(value)")
        #expect(try EntityBody.encode(value) == tree)
        #expect([EntityBody.compactVersion] + (try CompactEncoder().encode(value)) == tree)
        #expect(try directRead(T.self, tree) == value, "\(value) read back as \(String(describing: try? directRead(T.self, tree)))")
        #expect(try directRead(T.self, tree) == CompactDecoder().decode(T.self, from: tree, startingAt: 1))
        #expect(try CompactDecoder().decode(T.self, from: direct, startingAt: 1) == value)
        #expect(try EntityBody.decode(T.self, from: direct) == value)
        if json {
            #expect(try EntityBody.decode(T.self, from: [UInt8](JSONEncoder().encode(value))) == value)
        }
    }

    static func property<T: CompactBodyCodable & Equatable>(
        seed: UInt64, count: Int, json: Bool = true, _ make: (inout SeededRandom) -> T
    ) throws {
        var g = SeededRandom(seed: seed)
        for i in 0..<count { try check(make(&g), json: json && i % 10 == 0) }
    }

    @Test func recordsWriteTheEncodersBytesAndReadBack() throws {
        try Self.property(seed: 1, count: 2000, Self.account)
        try Self.property(seed: 2, count: 2000, Self.supportCase)
        try Self.property(seed: 3, count: 2000, Self.contact)
        try Self.property(seed: 4, count: 2000, Self.lead)
        try Self.property(seed: 5, count: 2000, Self.opportunity)
    }

    @Test func usersWriteTheEncodersBytesAndReadBack() throws {
        try Self.property(seed: 6, count: 3000, Self.user)
    }

    @Test func fieldValuesWriteTheEncodersBytesAndReadBack() throws {
        try Self.property(seed: 7, count: 3000, Self.fieldValue)
        try Self.property(seed: 8, count: 1000, Self.customFields)
        try Self.property(seed: 9, count: 500, Self.owner)
        try Self.property(seed: 10, count: 500, json: false, Self.day)
        for special in [Double.nan, -0.0, .infinity, -.infinity] {
            let value = FieldValue.number(special)
            #expect(Self.directBytes(value) == [EntityBody.compactVersion] + (try CompactEncoder().encodeThroughTree(value)))
        }
    }

    @Test func accessConfigurationWritesTheEncodersBytesAndReadsBack() throws {
        try Self.property(seed: 12, count: 3000, Self.share)
        try Self.property(seed: 13, count: 2000, Self.role)
        try Self.property(seed: 14, count: 1000, Self.group)
        try Self.property(seed: 15, count: 500, Self.grantee)

        // Roles and groups written before their optional keys existed still read.
        var w = CompactBodyWriter()
        w.byte(EntityBody.compactVersion)
        w.keyed(count: 3); w.key("id"); w.string("r1"); w.key("name"); w.string("CEO"); w.key("kind"); w.string("partner")
        #expect(try Self.directRead(Role.self, w.bytes) == (try CompactDecoder().decode(Role.self, from: w.bytes, startingAt: 1)))
        var p = CompactBodyWriter()
        p.byte(EntityBody.compactVersion)
        p.keyed(count: 2); p.key("id"); p.string("g1"); p.key("name"); p.string("G")
        #expect(try Self.directRead(PublicGroup.self, p.bytes) == (try CompactDecoder().decode(PublicGroup.self, from: p.bytes, startingAt: 1)))
    }

    /// ``RecordAccessFields`` writes and reads coded values (currency, dates) directly: the
    /// same names and values as the reference (standard fields, then the sorted `__c` names),
    /// and stored bytes that read back to the same bytes.
    @Test func accessFieldsMatchTheDictionaryReference() throws {
        var g = SeededRandom(seed: 16)
        func check(_ record: any Record) throws {
            let fields = RecordAccessFields(of: record)
            var names: [String] = []
            var values: [FieldValue] = []
            for name in RecordAccessFields.standardFields + record.customFields.keys.sorted().filter({ $0.hasSuffix("__c") }) {
                if let value = record.value(of: name) {
                    names.append(name)
                    values.append(value)
                }
            }
            #expect(fields.names == names)
            #expect(fields.values.map { try? EntityBody.encode($0) } == values.map { try? EntityBody.encode($0) })
            let bytes = try fields.encoded()
            let back = try RecordAccessFields(decoding: bytes, range: 0..<bytes.count, type: "T", id: "x")
            #expect(try back.encoded() == bytes)
        }
        /// A record type outside ``SharedFieldsRecord``.
        struct Plain: Record {
            static let entityType: EntityType = "Plain"
            var id: ID<Plain>
            var owner: Owner
            var accountID: ID<Account>? { nil }
            var customFields: [String: FieldValue]
            func value(of field: String) -> FieldValue? { customFields[field] }
        }
        for _ in 0..<400 {
            try check(Plain(id: "p", owner: Self.owner(&g), customFields: Self.customFields(&g).dictionary))
            try check(Self.account(&g))
            try check(Self.supportCase(&g))
            try check(Self.contact(&g))
            try check(Self.lead(&g))
            try check(Self.opportunity(&g))
        }
    }

    /// Bodies the types never write but the `Codable` path accepts (keys in another order, an
    /// unknown key, a null optional, an absent optional) read the same through both readers.
    @Test func otherKeyOrdersUnknownKeysAndNullsReadAsCodableReads() throws {
        var w = CompactBodyWriter()
        w.byte(EntityBody.compactVersion)
        w.keyed(count: 15)
        w.key("isHighVolume"); w.bool(false)
        w.key("isSuperUser"); w.bool(true)
        w.key("retired"); w.keyed(count: 1); w.key("x"); w.unkeyed(count: 2); w.null(); w.double(1)
        w.key("permissionSetGroupIDs"); w.ids([ID<PermissionSetGroup>("g1")])
        w.key("permissionSetIDs"); w.ids([ID<PermissionSet>]())
        w.key("profileID"); w.string("p1")
        w.key("timeZone"); w.string("UTC")
        w.key("locale"); w.string("de_DE")
        w.key("isActive"); w.bool(true)
        w.key("email"); w.string("a@b.c")
        w.key("nickname"); w.string("A")
        w.key("name"); w.string("Ana")
        w.key("kind"); w.string("customer")
        w.key("roleID"); w.null()
        w.key("id"); w.string("u9")
        let bytes = w.bytes
        let reference = try CompactDecoder().decode(User.self, from: bytes, startingAt: 1)
        #expect(try Self.directRead(User.self, bytes) == reference)
        #expect(try EntityBody.decode(User.self, from: bytes) == reference)
        #expect(reference.roleID == nil && reference.isSuperUser)

        // Integers where doubles are expected, and the other way round where Codable refuses.
        var c = CompactBodyWriter()
        c.byte(EntityBody.compactVersion)
        c.keyed(count: 1); c.key("number"); c.keyed(count: 1); c.key("_0"); c.integer(-42)
        #expect(try Self.directRead(FieldValue.self, c.bytes) == .number(-42))
        #expect(try EntityBody.decode(FieldValue.self, from: c.bytes) == .number(-42))
    }

    /// A body the direct reader refuses but `Codable` accepts (a key given twice, which
    /// `Codable` reads as its first value) still decodes, through the fallback.
    @Test func refusedBodiesFallBackToCodable() throws {
        var w = CompactBodyWriter()
        w.byte(EntityBody.compactVersion)
        w.keyed(count: 2)
        w.key("user"); w.keyed(count: 1); w.key("_0"); w.string("u1")
        w.key("user"); w.keyed(count: 1); w.key("_0"); w.string("u2")
        #expect(throws: DecodingError.self) { try Self.directRead(Owner.self, w.bytes) }
        #expect(try EntityBody.decode(Owner.self, from: w.bytes) == (try CompactDecoder().decode(Owner.self, from: w.bytes, startingAt: 1)))
    }

    /// Truncated and corrupted bodies: `DecodingError` from the direct reader and from
    /// ``EntityBody``, never a trap; whatever the direct reader accepts, `Codable` reads the same.
    @Test func corruptedBodiesThrowOrReadAsCodableReads() throws {
        var g = SeededRandom(seed: 11)
        func probe<T: CompactBodyCodable>(_ type: T.Type, _ bytes: [UInt8]) throws {
            let direct: T?
            do { direct = try Self.directRead(T.self, bytes) } catch is DecodingError { direct = nil }
            let codable: T?
            do { codable = try CompactDecoder().decode(T.self, from: bytes, startingAt: 1) } catch is DecodingError { codable = nil }
            if let direct {
                // Compared through their bytes, so that a NaN read from flipped bits compares equal.
                if let codable {
                    #expect(try EntityBody.encode(codable) == EntityBody.encode(direct))
                } else {
                    Issue.record("the direct reader accepted a body Codable refuses: \(bytes)")
                }
            }
            do { _ = try EntityBody.decode(T.self, from: bytes) } catch is DecodingError {}
        }
        func corrupt<T: CompactBodyCodable>(_ value: T) throws {
            let bytes = Self.directBytes(value)
            for end in stride(from: 1, to: bytes.count, by: max(1, bytes.count / 12)) { try probe(T.self, Array(bytes[..<end])) }
            for _ in 0..<12 {
                var changed = bytes
                let at = Int.random(in: 1..<changed.count, using: &g)
                changed[at] = Bool.random(using: &g) ? UInt8.random(in: 0...255, using: &g) : changed[at] ^ 1
                try probe(T.self, changed)
            }
        }
        for _ in 0..<300 {
            try corrupt(Self.supportCase(&g))
            try corrupt(Self.opportunity(&g))
            try corrupt(Self.user(&g))
            try corrupt(Self.account(&g))
            try corrupt(Self.lead(&g))
            try corrupt(Self.contact(&g))
            try corrupt(Self.share(&g))
            try corrupt(Self.role(&g))
            try corrupt(Self.group(&g))
        }
    }
}
