public import CommunityAccess
public import CommunityModel

/// The production ``RecordAccessPolicy``: asks CommunityAccess (profiles, permission sets,
/// org-wide defaults, roles, partner and customer roles, super users, sharing rules and
/// sets, queues, explicit shares).
///
/// Read and edit use the engine's current snapshot (it follows the store's commits
/// synchronously, so records committed earlier are known). Create checks the object
/// permission, since the record does not exist yet.
public struct ServiceAccessPolicy: RecordAccessPolicy {
    /// The access engine.
    public let engine: AccessEngine

    /// Wraps an access engine (usually `AccessEngine(store:)` over the same store).
    public init(engine: AccessEngine) { self.engine = engine }

    public func isAllowed(_ action: RecordAction, user: ID<User>, record: any Record, in reader: any StoreReader) throws
        -> Bool
    {
        let snapshot = engine.snapshot
        func ask<R: Record>(_ record: R) -> Bool {
            switch action {
            case .read: snapshot.can(user, .read, record)
            case .edit: snapshot.can(user, .edit, record)
            case .create: snapshot.objectPermissions(user, on: R.entityType).contains(.create)
            }
        }
        return ask(record)
    }
}
