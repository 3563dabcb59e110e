/// Reads from a consistent view of a store.
public protocol StoreReader {
    /// The sequence number of the last change this view includes (0 for an empty store).
    var sequence: UInt64 { get }
    /// The entity with this id, with its version.
    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>?
    /// Every entity of a type, ordered by id.
    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>]
    /// Entities matching a query on indexed fields.
    ///
    /// - Throws: ``StoreError/unindexedField(entity:field:)`` for a field the type does not index.
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>]
    /// How many entities of a type exist.
    func count<E: Entity>(_ type: E.Type) throws -> Int
}

/// An immutable, consistent view of a store that any thread may read without waiting.
public protocol StoreSnapshot: StoreReader, Sendable {}

/// Reads and writes inside one all-or-nothing transaction.
///
/// Reads see the transaction's own writes. Nothing is visible to others until the
/// transaction's closure returns; a throw discards everything.
public protocol StoreTransaction: StoreReader {
    /// Inserts or replaces an entity, returning its new version.
    ///
    /// The entity is checked first (``Entity/validate()``, then custom fields against the
    /// store's schemas; see ``StoreValidator``). An invalid entity is not written, and the
    /// transaction can no longer commit: its `write` throws the same error even if the body
    /// caught it.
    ///
    /// - Throws: the ``ValidationError`` of an invalid entity (naming the field as
    ///   `EntityType.Field`); ``StoreError/conflict(entity:id:expected:actual:)`` when the
    ///   stored version is not the one `expecting` names.
    @discardableResult
    func put<E: Entity>(_ value: E, expecting: ExpectedVersion) throws -> Int
    /// Deletes an entity.
    ///
    /// - Throws: ``StoreError/conflict(entity:id:expected:actual:)`` when the entity is
    ///   missing and `expecting` is not `.any`, or its version differs.
    func delete<E: Entity>(_ id: ID<E>, expecting: ExpectedVersion) throws
}

/// Storage for every layer: entities, all-or-nothing transactions with optimistic
/// concurrency, consistent snapshot reads and an ordered change feed.
///
/// Conformers must pass `StoreConformance.verify(makeStore:)` from CommunityTesting:
/// concurrent writers, conflicts, no residue after a failed transaction, snapshot
/// isolation, feed order, and refusing invalid entities (run ``StoreValidator/check(_:)``
/// on every `put`). From any test target:
///
/// ```swift
/// import CommunityTesting
///
/// @Test func myStoreKeepsTheStoreLaws() throws {
///     try StoreConformance.verify { try MyStore(empty: ()) }  // a fresh, empty store per call
/// }
/// ```
public protocol Store: Sendable {
    /// A consistent view of the committed state; never waits for a writer.
    func snapshot() -> any StoreSnapshot
    /// Runs `body` as one transaction. Writers are serialised; if `body` throws, nothing
    /// is written and no change is published. The result may be ignored (the body's last
    /// `put` often returns a version nobody needs).
    @discardableResult
    func write<R>(_ body: (any StoreTransaction) throws -> R) throws -> R
    /// Committed changes with a sequence number greater than `sequence`, oldest first.
    func changes(after sequence: UInt64, limit: Int) throws -> [Change]
    /// Calls `observer` after every commit with that transaction's changes, in commit order.
    /// The observer runs on the committing thread and must not write to the store.
    func observe(_ observer: @escaping @Sendable ([Change]) -> Void) -> StoreObservation
}

extension StoreReader {
    /// The entity with this id, without its version.
    public func value<E: Entity>(_ id: ID<E>) throws -> E? { try get(id)?.value }
}

extension StoreTransaction {
    /// Inserts or replaces an entity regardless of its version.
    @discardableResult
    public func put<E: Entity>(_ value: E) throws -> Int { try put(value, expecting: .any) }
    /// Deletes an entity if it exists.
    public func delete<E: Entity>(_ id: ID<E>) throws { try delete(id, expecting: .any) }
}

extension Store {
    /// Reads through a fresh snapshot.
    public func read<R>(_ body: (any StoreSnapshot) throws -> R) rethrows -> R {
        try body(snapshot())
    }
}

/// Keeps an observation alive; call ``cancel()`` (or drop every reference) to stop it.
public final class StoreObservation: Sendable {
    private let onCancel: @Sendable () -> Void

    /// Creates an observation that runs `onCancel` once when cancelled or released.
    public init(onCancel: @escaping @Sendable () -> Void) { self.onCancel = onCancel }

    /// Stops delivering changes.
    public func cancel() { onCancel() }

    deinit { onCancel() }
}
