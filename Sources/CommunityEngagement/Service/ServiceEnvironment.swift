public import CommunityModel

/// What every service, partner, approval and employee workflow shares: the store, the
/// event bus, the clock, the access policy, the directory and the notifier.
public struct ServiceEnvironment: Sendable {
    /// Where all state lives.
    public let store: any Store
    /// Where domain events are published after each commit.
    public let bus: EventBus
    /// The time source (tests use `ManualClock`).
    public let clock: any WallClock
    /// Decides every read and write.
    public let access: any RecordAccessPolicy
    /// Expands queues and roles into users.
    public let directory: any ServiceDirectory
    /// Delivers notices.
    public let notifier: any ServiceNotifier

    /// Creates an environment.
    public init(
        store: any Store, bus: EventBus, clock: any WallClock, access: any RecordAccessPolicy,
        directory: any ServiceDirectory = StoreServiceDirectory(), notifier: any ServiceNotifier = MemoryServiceNotifier()
    ) {
        self.store = store
        self.bus = bus
        self.clock = clock
        self.access = access
        self.directory = directory
        self.notifier = notifier
    }

    /// Throws ``AccessDenied`` unless `user` may perform `action` on `record`.
    func require(_ action: RecordAction, user: ID<User>, record: any Record, in reader: any StoreReader) throws {
        guard try access.isAllowed(action, user: user, record: record, in: reader) else {
            throw AccessDenied(
                user: user, action: action, entity: type(of: record).entityType, recordID: Self.rawID(of: record))
        }
    }

    static func rawID(of record: any Record) -> String {
        func open<R: Record>(_ r: R) -> String { r.id.rawValue }
        return open(record)
    }
}
