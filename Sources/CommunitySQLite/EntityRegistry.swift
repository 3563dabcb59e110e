public import CommunityModel
public import Foundation

/// The entity types a ``SQLiteStore`` can decode without being told the type: for the
/// `entity` of changes read back from the persisted change feed.
///
/// Typed reads (`get`, `all`, `query`) never need it: they decode by the type asked for.
/// Changes delivered live to observers always carry the entity; changes read back with
/// `changes(after:limit:)` carry it only when its type is registered, and `nil` otherwise.
public struct EntityRegistry: Sendable {
    private var decoders: [EntityType: @Sendable ([UInt8]) throws -> any Entity] = [:]
    /// For registered record types: a stored body's ``RecordAccessFields``.
    private var accessReaders: [EntityType: @Sendable ([UInt8]) throws -> RecordAccessFields] = [:]

    /// An empty registry.
    public init() {}

    /// A registry of the given types.
    public init(_ types: [any Entity.Type]) {
        for type in types { register(type) }
    }

    /// Registers a type; a later registration of the same ``EntityType`` name replaces it.
    public mutating func register<E: Entity>(_ type: E.Type) {
        decoders[E.entityType] = { bytes in try EntityBody.decode(E.self, from: bytes) }
        if E.self is any Record.Type {
            accessReaders[E.entityType] = { bytes in
                guard let record = try EntityBody.decode(E.self, from: bytes) as? any Record else {
                    throw StoreError.backend("\(E.entityType) is not a record")
                }
                return RecordAccessFields(of: record)
            }
        } else {
            accessReaders[E.entityType] = nil
        }
    }

    /// The registered record types (whose rows get ``RecordAccessFields`` when a schema 3 file is migrated).
    var recordTypes: [EntityType] { accessReaders.keys.sorted { $0.name < $1.name } }

    /// The access fields of a stored body of a registered record type.
    func accessFields(_ type: EntityType, bytes: [UInt8]) throws -> RecordAccessFields? {
        try accessReaders[type]?(bytes)
    }

    /// Whether a type of this name is registered.
    public func contains(_ type: EntityType) -> Bool { decoders[type] != nil }

    /// Decodes a stored entity of a registered type (an ``EntityBody``: compact, or JSON
    /// from earlier versions); `nil` for an unregistered type.
    ///
    /// - Throws: the decoder's error when the data does not decode as the registered type.
    public func decode(_ type: EntityType, from data: Data) throws -> (any Entity)? {
        try decoders[type]?([UInt8](data))
    }

    func decode(_ type: EntityType, bytes: [UInt8]) throws -> (any Entity)? {
        try decoders[type]?(bytes)
    }
}
