/// A stored entity with its version; versions start at 1 and grow by one per write.
public struct Versioned<E: Entity>: Sendable {
    /// The entity as stored.
    public let value: E
    /// Its version, for optimistic concurrency.
    public let version: Int

    /// Pairs a value with its version.
    public init(value: E, version: Int) {
        self.value = value
        self.version = version
    }
}

/// What a write expects to find, for optimistic concurrency.
public enum ExpectedVersion: Hashable, Sendable {
    /// Overwrite whatever is there (or insert).
    case any
    /// Insert only: fail with a conflict if the entity exists.
    case absent
    /// Update only the given version: fail with a conflict if it changed.
    case exactly(Int)
}
