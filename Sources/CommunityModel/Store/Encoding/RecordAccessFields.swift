/// The fields of a record that record sharing reads, kept beside the record's body so that a
/// store can hand them to an access engine without decoding the body.
///
/// They are the owner, the account, the values of ``standardFields`` and of every custom field
/// whose name ends in `__c` (standard field names never do). ``covers(_:)`` says whether a field
/// name is one of them; for a covered name ``value(of:)`` answers exactly what the record's
/// `value(of:)` answered when the fields were taken.
///
/// The stored form (``encoded()``) is a format byte, the owner, the account and the field
/// values, with lengths as LEB128 varints; it is read without `Codable`.
public struct RecordAccessFields: Sendable, Hashable {
    /// The first byte of the stored form. A different first byte (a later format, or damage)
    /// does not decode: ``init(decoding:range:type:id:)`` throws.
    public static let format: UInt8 = 0xA1

    /// The standard fields taken besides owner and account: the lookups and picklists that
    /// sharing rules, sharing sets and Controlled by Parent defaults name.
    public static let standardFields: [String] = [
        "AccountId", "ContactId", "ParentId", "PartnerAccountId", "Region", "StageName", "Status", "Priority", "Type",
        "Origin", "Industry", "Rating", "LeadSource", "PartnerTier", "IsPartner", "Product",
    ]
    private static let standardSet = Set(standardFields)

    /// The record's owner.
    public var owner: Owner
    /// The record's `accountID`, as its string.
    public var accountID: String?
    /// The names of the taken fields that have a value, in the order stored.
    public private(set) var names: [String]
    /// The values of ``names``, index for index.
    public private(set) var values: [FieldValue]

    /// Whether `field` is one of the fields these values are taken for.
    public static func covers(_ field: String) -> Bool {
        standardSet.contains(field) || field.hasSuffix("__c")
    }

    /// Takes the access fields of `record`.
    public init(of record: any Record) {
        owner = record.owner
        accountID = record.accountID?.rawValue
        names = []
        values = []
        for name in Self.standardFields {
            if let value = record.value(of: name) {
                names.append(name)
                values.append(value)
            }
        }
        for name in record.customFields.keys.sorted() where name.hasSuffix("__c") {
            if let value = record.value(of: name) {
                names.append(name)
                values.append(value)
            }
        }
    }

    /// The value of a covered field (`nil` when the record had none); `nil` for a field that
    /// is not covered, which callers check with ``covers(_:)`` first.
    public func value(of field: String) -> FieldValue? {
        for (k, name) in names.enumerated() where name == field { return values[k] }
        return nil
    }

    /// The custom (`__c`) values, by name.
    public var customValues: [String: FieldValue] {
        var out: [String: FieldValue] = [:]
        for (k, name) in names.enumerated() where name.hasSuffix("__c") { out[name] = values[k] }
        return out
    }

    // MARK: Stored form

    private enum Tag: UInt8 {
        case text = 0, picklist, reference, number, checkbox, coded
    }

    /// The stored form.
    ///
    /// - Throws: nothing at present (every value kind writes directly); kept so that a value
    ///   kind that can fail to encode does not change the signature.
    public func encoded() throws -> [UInt8] {
        var out: [UInt8] = [Self.format]
        out.reserveCapacity(64)
        switch owner {
        case .user(let id):
            out.append(0)
            Self.put(id.rawValue, &out)
        case .queue(let id):
            out.append(1)
            Self.put(id.rawValue, &out)
        }
        if let accountID {
            out.append(1)
            Self.put(accountID, &out)
        } else {
            out.append(0)
        }
        Self.varint(UInt64(names.count), &out)
        for (k, name) in names.enumerated() {
            Self.put(name, &out)
            switch values[k] {
            case .text(let s):
                out.append(Tag.text.rawValue)
                Self.put(s, &out)
            case .picklist(let s):
                out.append(Tag.picklist.rawValue)
                Self.put(s, &out)
            case .reference(let s):
                out.append(Tag.reference.rawValue)
                Self.put(s, &out)
            case .number(let n):
                out.append(Tag.number.rawValue)
                Self.varint(n.bitPattern, &out)
            case .checkbox(let b):
                out.append(Tag.checkbox.rawValue)
                out.append(b ? 1 : 0)
            case .currency, .date, .dateTime:
                out.append(Tag.coded.rawValue)
                // The compact bytes `CompactEncoder` writes, written directly.
                var writer = CompactBodyWriter(capacity: 32)
                values[k].writeCompactBody(to: &writer)
                Self.varint(UInt64(writer.bytes.count), &out)
                out += writer.bytes
            }
        }
        return out
    }

    /// Reads the stored form in `bytes[range]`.
    ///
    /// - Throws: ``StoreError/corrupt(entity:id:detail:)`` naming `type` and `id` when the
    ///   bytes are not a complete stored form of this format (truncated, an unknown tag, an
    ///   invalid id, bytes left over).
    public init(decoding bytes: [UInt8], range: Range<Int>, type: EntityType, id: String) throws(StoreError) {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else {
            throw .corrupt(entity: type, id: id, detail: "access fields outside their buffer")
        }
        var reader = Reader(bytes: bytes, at: range.lowerBound, end: range.upperBound)
        func fail(_ detail: String) -> StoreError { .corrupt(entity: type, id: id, detail: "access fields: \(detail)") }
        guard let first = reader.byte(), first == Self.format else { throw fail("unknown format") }
        guard let ownerKind = reader.byte(), let ownerID = reader.string() else { throw fail("truncated owner") }
        switch ownerKind {
        case 0:
            guard let user = try? ID<User>(parsing: ownerID) else { throw fail("invalid owner id") }
            owner = .user(user)
        case 1:
            guard let queue = try? ID<Queue>(parsing: ownerID) else { throw fail("invalid owner id") }
            owner = .queue(queue)
        default: throw fail("owner kind \(ownerKind)")
        }
        switch reader.byte() {
        case 0?: accountID = nil
        case 1?:
            guard let account = reader.string(), ID<Account>.isValid(account) else { throw fail("invalid account id") }
            accountID = account
        default: throw fail("truncated account")
        }
        guard let count = reader.varint(), count <= UInt64(range.count) else { throw fail("truncated field count") }
        names = []
        values = []
        names.reserveCapacity(Int(clamping: count))
        values.reserveCapacity(Int(clamping: count))
        for _ in 0..<count {
            guard let name = reader.string(), let raw = reader.byte() else { throw fail("truncated field") }
            guard let tag = Tag(rawValue: raw) else { throw fail("field \(name) has tag \(raw)") }
            let value: FieldValue
            switch tag {
            case .text, .picklist, .reference:
                guard let s = reader.string() else { throw fail("truncated \(name)") }
                value = tag == .text ? .text(s) : tag == .picklist ? .picklist(s) : .reference(s)
            case .number:
                guard let bits = reader.varint() else { throw fail("truncated \(name)") }
                value = .number(Double(bitPattern: bits))
            case .checkbox:
                guard let b = reader.byte(), b <= 1 else { throw fail("bad checkbox \(name)") }
                value = .checkbox(b == 1)
            case .coded:
                guard let span = reader.span() else { throw fail("truncated \(name)") }
                guard let decoded = Self.codedValue(bytes, span) else { throw fail("undecodable \(name)") }
                value = decoded
            }
            names.append(name)
            values.append(value)
        }
        guard reader.at == reader.end else { throw fail("\(reader.end - reader.at) bytes left over") }
    }

    /// A currency, date or date-time value in its compact bytes: read directly, or through
    /// `Codable` when the direct reader refuses them (as ``EntityBody`` does).
    private static func codedValue(_ bytes: [UInt8], _ span: Range<Int>) -> FieldValue? {
        if var reader = try? CompactBodyReader(bytes, range: span), let value = try? FieldValue(compactBody: &reader),
           (try? reader.expectEnd()) != nil {
            return value
        }
        return try? CompactDecoder().decode(FieldValue.self, from: bytes, range: span)
    }

    private static func put(_ s: String, _ out: inout [UInt8]) {
        let utf8 = s.utf8
        varint(UInt64(utf8.count), &out)
        out += utf8
    }

    private static func varint(_ value: UInt64, _ out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(truncatingIfNeeded: v))
    }

    /// A cursor over stored bytes; every read returns `nil` instead of reading past `end`.
    private struct Reader {
        let bytes: [UInt8]
        var at: Int
        let end: Int

        mutating func byte() -> UInt8? {
            guard at < end else { return nil }
            defer { at += 1 }
            return bytes[at]
        }

        mutating func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while shift < 64 {
                guard let b = byte() else { return nil }
                value |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }

        mutating func span() -> Range<Int>? {
            guard let n = varint(), n <= UInt64(end - at) else { return nil }
            let start = at
            at += Int(clamping: n)
            return start..<at
        }

        mutating func string() -> String? {
            guard let span = span() else { return nil }
            return String(decoding: bytes[span], as: UTF8.self)
        }
    }
}

/// The rows of one record type read without decoding their bodies: each row's id, its body
/// (in one shared buffer) and its ``RecordAccessFields`` when the store has them.
public struct EncodedRecords: Sendable {
    /// The record type.
    public let entityType: EntityType
    /// Row ids, ascending.
    public var ids: [String] = []
    /// Every row's body, back to back.
    public var bodies: [UInt8] = []
    /// Where row `k`'s body starts in ``bodies``; it ends where the next starts (or at the end).
    public var bodyStarts: [Int] = []
    /// Every row's stored access fields, back to back.
    public var accessBytes: [UInt8] = []
    /// Where row `k`'s access fields start in ``accessBytes``, or -1 when the row has none.
    public var accessStarts: [Int] = []
    /// Where row `k`'s access fields end.
    public var accessEnds: [Int] = []

    /// No rows yet, of `entityType`.
    public init(entityType: EntityType) { self.entityType = entityType }

    /// The number of rows.
    public var count: Int { ids.count }

    /// Row `k`'s body range in ``bodies``.
    public func bodyRange(_ k: Int) -> Range<Int> {
        bodyStarts[k]..<(k + 1 < bodyStarts.count ? bodyStarts[k + 1] : bodies.count)
    }

    /// Row `k`'s access fields range in ``accessBytes``, or `nil` when it has none.
    public func accessRange(_ k: Int) -> Range<Int>? {
        accessStarts[k] < 0 ? nil : accessStarts[k]..<accessEnds[k]
    }
}

/// A snapshot that reads a record type's rows without decoding them, in its own consistent
/// view, for loaders that need only the records' ``RecordAccessFields`` at first (an access
/// engine's build) and decode bodies later, when read.
public protocol EncodedRecordReading: StoreSnapshot {
    /// Every row of `type`, ascending by id.
    ///
    /// - Throws: the store's error when reading fails.
    func encodedRecords<R: Record>(_ type: R.Type) throws -> EncodedRecords

    /// Every entity of `type`, as ``StoreReader/all(_:)`` gives them, in two steps: the rows
    /// are read now, and decoded when the returned closure is called (on any thread, while
    /// the snapshot serves other reads). The default decodes at once.
    ///
    /// - Throws: the store's error when reading fails; the closure throws what
    ///   ``StoreReader/all(_:)`` would for a row that does not decode.
    func readAll<E: Entity>(_ type: E.Type) throws -> @Sendable () throws -> [Versioned<E>]
}

extension EncodedRecordReading {
    /// Reads and decodes at once (see the requirement).
    public func readAll<E: Entity>(_ type: E.Type) throws -> @Sendable () throws -> [Versioned<E>] {
        let values = try all(type)
        return { values }
    }
}
