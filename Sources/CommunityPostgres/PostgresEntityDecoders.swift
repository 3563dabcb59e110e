import CommunityModel
import Foundation
import Synchronization

/// Decoders for the entity types a ``PostgresStore`` knows by name: the configured types
/// plus every type a typed read or write has used, for the `entity` of changes read back
/// from the shared feed.
final class PostgresEntityDecoders: Sendable {
    private let decoders: Mutex<[EntityType: @Sendable (Data) throws -> any Entity]>

    init(_ types: [any Entity.Type]) {
        var table: [EntityType: @Sendable (Data) throws -> any Entity] = [:]
        func add<E: Entity>(_ type: E.Type) { table[E.entityType] = Self.decoder(for: type) }
        for type in types { add(type) }
        decoders = Mutex(table)
    }

    private static func decoder<E: Entity>(for _: E.Type) -> @Sendable (Data) throws -> any Entity {
        { data in try JSONDecoder().decode(E.self, from: data) }
    }

    /// Remembers `E`, so changes of its type decode from now on.
    func learn<E: Entity>(_ type: E.Type) {
        decoders.withLock { table in
            if table[E.entityType] == nil { table[E.entityType] = Self.decoder(for: type) }
        }
    }

    /// Decodes a stored entity of a known type; `nil` for a type this process never met.
    func decode(_ type: EntityType, from data: Data) throws -> (any Entity)? {
        guard let decoder = decoders.withLock({ $0[type] }) else { return nil }
        return try decoder(data)
    }
}
