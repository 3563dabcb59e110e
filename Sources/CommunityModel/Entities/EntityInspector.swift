import Foundation

/// Walks an entity's encoded form without producing output and checks every value a store
/// would keep: text (``Check/plainText(_:field:)``), decimals (``Check/decimal(_:field:)``)
/// and floating-point numbers (``Check/finite(_:field:)``).
///
/// This is the default ``Entity/validate()`` for entity types that declare no checks of
/// their own. The encoder and its containers are empty values, so the walk allocates only
/// the box the standard library puts around each keyed container; the path of a rejected
/// field is assembled only when an error travels back up. `Data` values (file contents) are
/// skipped, since they are bytes rather than text.
struct EntityInspector: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// A rejected value: the reason and the keys from the value up to where it was caught.
    struct Failure: Error {
        var reason: ValidationError.Reason
        var keys: [String]
    }

    /// Checks `value`, naming a rejected field `EntityType.path.to.field` (array positions and
    /// the `_0` labels of enum payloads left out).
    static func check<E: Entity>(_ value: E) throws(ValidationError) {
        do {
            try value.encode(to: EntityInspector())
        } catch let failure as Failure {
            var name = E.entityType.name
            for key in failure.keys.reversed() where !key.isEmpty && !key.hasPrefix("_") { name += "." + key }
            throw ValidationError(field: name, reason: failure.reason)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError(field: E.entityType.name, reason: .invalidValue("cannot be inspected: \(error)"))
        }
    }

    /// The key's name, read only when a failure needs it (`""` for positions and single values).
    static func name<K: CodingKey>(_ key: K?) -> String { key?.stringValue ?? "" }

    static func text<K: CodingKey>(_ value: String, _ key: K?) throws(Failure) {
        do {
            try Check.plainText(value, field: "")
        } catch {
            throw Failure(reason: error.reason, keys: [name(key)])
        }
    }

    static func number<K: CodingKey>(_ value: Double, _ key: K?) throws(Failure) {
        if !value.isFinite { throw Failure(reason: .invalidValue("not a finite number"), keys: [name(key)]) }
    }

    static func nested<T: Encodable, K: CodingKey>(_ value: T, _ key: K?) throws {
        if T.self == Decimal.self, let decimal = value as? Decimal {
            do {
                try Check.decimal(decimal, field: "")
            } catch {
                throw Failure(reason: error.reason, keys: [name(key)])
            }
            return
        }
        if T.self == Data.self { return }
        do {
            try value.encode(to: EntityInspector())
        } catch var failure as Failure {
            failure.keys.append(name(key))
            throw failure
        }
    }

    /// No key: an array element or a single value.
    struct NoKey: CodingKey {
        var stringValue: String { "" }
        var intValue: Int? { nil }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
    }

    static let noKey: NoKey? = nil

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed())
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed() }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single() }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: Bool, forKey key: Key) throws {}
        mutating func encode(_ value: String, forKey key: Key) throws { try EntityInspector.text(value, key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try EntityInspector.number(value, key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try EntityInspector.number(Double(value), key) }
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
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try EntityInspector.nested(value, key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            KeyedEncodingContainer(Keyed<NestedKey>())
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { Unkeyed() }
        mutating func superEncoder() -> any Encoder { EntityInspector() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { EntityInspector() }
    }

    /// Array elements: their positions are left out of field names.
    struct Unkeyed: UnkeyedEncodingContainer {
        var count = 0
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { count += 1 }
        mutating func encode(_ value: Bool) throws { count += 1 }
        mutating func encode(_ value: String) throws {
            try EntityInspector.text(value, EntityInspector.noKey)
            count += 1
        }
        mutating func encode(_ value: Double) throws {
            try EntityInspector.number(value, EntityInspector.noKey)
            count += 1
        }
        mutating func encode(_ value: Float) throws {
            try EntityInspector.number(Double(value), EntityInspector.noKey)
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
            try EntityInspector.nested(value, EntityInspector.noKey)
            count += 1
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            count += 1
            return KeyedEncodingContainer(Keyed<NestedKey>())
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return Unkeyed()
        }

        mutating func superEncoder() -> any Encoder { EntityInspector() }
    }

    struct Single: SingleValueEncodingContainer {
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws {}
        mutating func encode(_ value: Bool) throws {}
        mutating func encode(_ value: String) throws { try EntityInspector.text(value, EntityInspector.noKey) }
        mutating func encode(_ value: Double) throws { try EntityInspector.number(value, EntityInspector.noKey) }
        mutating func encode(_ value: Float) throws { try EntityInspector.number(Double(value), EntityInspector.noKey) }
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
        mutating func encode<T: Encodable>(_ value: T) throws { try EntityInspector.nested(value, EntityInspector.noKey) }
    }
}
