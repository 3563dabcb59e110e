/// What can go wrong reading or writing a ``Store``.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Optimistic concurrency failed: the record's version is not the one expected.
    /// `actual` is `nil` when the record does not exist.
    case conflict(entity: EntityType, id: String, expected: ExpectedVersion, actual: Int?)
    /// A query named a field the entity type does not index.
    case unindexedField(entity: EntityType, field: String)
    /// A stored value could not be encoded or decoded.
    case corrupt(entity: EntityType, id: String, detail: String)
    /// The change feed no longer holds changes that old.
    case feedTruncated(requested: UInt64, oldest: UInt64)
    /// The storage backend failed (I/O, SQLite error), with its message.
    case backend(String)
    /// Another open store (in this process or another) holds the exclusive lock on the
    /// store at `path`; a store has one writer at a time.
    case locked(path: String)

    /// A sentence saying what failed and where.
    public var description: String {
        switch self {
        case .conflict(let entity, let id, let expected, let actual):
            "conflict on \(entity) \(id): expected \(expected), found \(actual.map { "version \($0)" } ?? "no record")"
        case .unindexedField(let entity, let field): "\(entity) has no index on \(field)"
        case .corrupt(let entity, let id, let detail): "\(entity) \(id) is corrupt: \(detail)"
        case .feedTruncated(let requested, let oldest):
            "changes after \(requested) are gone; the oldest kept is \(oldest)"
        case .backend(let message): "storage failed: \(message)"
        case .locked(let path):
            "the store at \(path) is locked: another process (or another open store in this process) holds it"
        }
    }
}
