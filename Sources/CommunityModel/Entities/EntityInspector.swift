import Foundation

/// Walks an entity's encoded form without producing output and checks every value a store
/// would keep: text (``Check/plainText(_:field:)``), decimals (``Check/decimal(_:field:)``)
/// and floating-point numbers (``Check/finite(_:field:)``).
///
/// This is the default ``Entity/validate()`` for entity types that declare no checks of
/// their own. It allocates one box per keyed container and nothing per field; `Data` values
/// (file contents) are skipped, since they are bytes rather than text.
final class EntityInspector: Encoder {
    private let entityType: EntityType
    private var path: [any CodingKey] = []

    var codingPath: [any CodingKey] { path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private init(entityType: EntityType) { self.entityType = entityType }

    /// Checks `value`, naming a rejected field `EntityType.path.to.field`.
    static func check<E: Entity>(_ value: E) throws(ValidationError) {
        let inspector = EntityInspector(entityType: E.entityType)
        do {
            try value.encode(to: inspector)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError(field: E.entityType.name, reason: .invalidValue("cannot be inspected: \(error)"))
        }
    }

    /// The field name for an error at `key` (or at the current path when `key` is `nil`):
    /// the entity type, then the keyed path, leaving out array positions and the `_0`
    /// labels of enum payloads.
    func fieldName(_ key: (any CodingKey)?) -> String {
        var name = entityType.name
        for k in path + (key.map { [$0] } ?? []) where k.intValue == nil && !k.stringValue.hasPrefix("_") {
            name += "." + k.stringValue
        }
        return name
    }

    func text(_ value: String, _ key: (any CodingKey)?) throws(ValidationError) {
        do {
            try Check.plainText(value, field: "")
        } catch {
            throw ValidationError(field: fieldName(key), reason: error.reason)
        }
    }

    func number(_ value: Double, _ key: (any CodingKey)?) throws(ValidationError) {
        if !value.isFinite { throw ValidationError(field: fieldName(key), reason: .invalidValue("not a finite number")) }
    }

    func nested<T: Encodable>(_ value: T, _ key: (any CodingKey)?) throws {
        if T.self == Decimal.self, let decimal = value as? Decimal {
            do {
                try Check.decimal(decimal, field: "")
            } catch {
                throw ValidationError(field: fieldName(key), reason: error.reason)
            }
            return
        }
        if T.self == Data.self { return }
        if T.self == String.self, let string = value as? String { return try text(string, key) }
        if let key { path.append(key) }
        defer { if key != nil { path.removeLast() } }
        try value.encode(to: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed(inspector: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(inspector: self) }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(inspector: self) }

    /// Position keys of unkeyed containers (left out of field names).
    struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { intValue.map(String.init) ?? "" }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let inspector: EntityInspector
        var codingPath: [any CodingKey] { inspector.codingPath }

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: Bool, forKey key: Key) throws {}
        mutating func encode(_ value: String, forKey key: Key) throws { try inspector.text(value, key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try inspector.number(value, key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try inspector.number(Double(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws {}
        mutating func encode(_ value: Int8, forKey key: Key) throws {}
        mutating func encode(_ value: Int16, forKey key: Key) throws {}
        mutating func encode(_ value: Int32, forKey key: Key) throws {}
        mutating func encode(_ value: Int64, forKey key: Key) throws {}
        mutating func encode(_ value: UInt, forKey key: Key) throws {}
        mutating func encode(_ value: UInt8, forKey key: Key) throws {}
        mutating func encode(_ value: UInt16, forKey key: Key) throws {}
        mutating func encode(_ value: UInt32, forKey key: Key) throws {}
        mutating func encode(_ value: UInt64, forKey key: Key) throws {}
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try inspector.nested(value, key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            KeyedEncodingContainer(Keyed<NestedKey>(inspector: inspector))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Unkeyed(inspector: inspector)
        }

        mutating func superEncoder() -> any Encoder { inspector }
        mutating func superEncoder(forKey key: Key) -> any Encoder { inspector }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let inspector: EntityInspector
        var count = 0
        var codingPath: [any CodingKey] { inspector.codingPath }

        init(inspector: EntityInspector) { self.inspector = inspector }

        mutating func encodeNil() throws { count += 1 }
        mutating func encode(_ value: Bool) throws { count += 1 }
        mutating func encode(_ value: String) throws {
            try inspector.text(value, Index(count))
            count += 1
        }
        mutating func encode(_ value: Double) throws {
            try inspector.number(value, Index(count))
            count += 1
        }
        mutating func encode(_ value: Float) throws {
            try inspector.number(Double(value), Index(count))
            count += 1
        }
        mutating func encode(_ value: Int) throws { count += 1 }
        mutating func encode(_ value: Int8) throws { count += 1 }
        mutating func encode(_ value: Int16) throws { count += 1 }
        mutating func encode(_ value: Int32) throws { count += 1 }
        mutating func encode(_ value: Int64) throws { count += 1 }
        mutating func encode(_ value: UInt) throws { count += 1 }
        mutating func encode(_ value: UInt8) throws { count += 1 }
        mutating func encode(_ value: UInt16) throws { count += 1 }
        mutating func encode(_ value: UInt32) throws { count += 1 }
        mutating func encode(_ value: UInt64) throws { count += 1 }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try inspector.nested(value, Index(count))
            count += 1
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            count += 1
            return KeyedEncodingContainer(Keyed<NestedKey>(inspector: inspector))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return Unkeyed(inspector: inspector)
        }

        mutating func superEncoder() -> any Encoder { inspector }
    }

    struct Single: SingleValueEncodingContainer {
        let inspector: EntityInspector
        var codingPath: [any CodingKey] { inspector.codingPath }

        mutating func encodeNil() throws {}
        mutating func encode(_ value: Bool) throws {}
        mutating func encode(_ value: String) throws { try inspector.text(value, nil) }
        mutating func encode(_ value: Double) throws { try inspector.number(value, nil) }
        mutating func encode(_ value: Float) throws { try inspector.number(Double(value), nil) }
        mutating func encode(_ value: Int) throws {}
        mutating func encode(_ value: Int8) throws {}
        mutating func encode(_ value: Int16) throws {}
        mutating func encode(_ value: Int32) throws {}
        mutating func encode(_ value: Int64) throws {}
        mutating func encode(_ value: UInt) throws {}
        mutating func encode(_ value: UInt8) throws {}
        mutating func encode(_ value: UInt16) throws {}
        mutating func encode(_ value: UInt32) throws {}
        mutating func encode(_ value: UInt64) throws {}
        mutating func encode<T: Encodable>(_ value: T) throws { try inspector.nested(value, nil) }
    }
}
