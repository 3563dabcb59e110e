import CommunityModel
import Foundation
import Synchronization

@testable import CommunityEngagement

/// An access policy the tests control: readable records per user, moderators.
final class FakeAccess: EngagementAccessPolicy {
    private let readable = Mutex<Set<String>>([])
    private let moderators = Mutex<Set<ID<User>>>([])

    func allow(_ user: ID<User>, _ record: RecordRef) { _ = readable.withLock { $0.insert("\(user)|\(record)") } }
    func makeModerator(_ user: ID<User>) { _ = moderators.withLock { $0.insert(user) } }

    func canRead(_ record: RecordRef, user: ID<User>) -> Bool { readable.withLock { $0.contains("\(user)|\(record)") } }
    func canModerate(_ user: ID<User>) -> Bool { moderators.withLock { $0.contains(user) } }
}

/// Collects every event published on a bus.
final class EventLog: Sendable {
    private let events = Mutex<[any DomainEvent]>([])
    init(_ bus: EventBus) {
        bus.subscribeAll { [weak self] e in self?.events.withLock { $0.append(e) } }
    }
    func all<E: DomainEvent>(_ type: E.Type) -> [E] { events.withLock { $0.compactMap { $0 as? E } } }
}

/// Records e-mail instead of sending it.
final class RecordingNotifier: Notifier {
    let sent = Mutex<[NotificationEmail]>([])
    let failing = Mutex<Set<ID<User>>>([])
    struct Failure: Error {}
    func send(_ email: NotificationEmail) throws {
        if failing.withLock({ $0.contains(email.recipientID) }) { throw Failure() }
        sent.withLock { $0.append(email) }
    }
}

/// A store, a clock, fake access and an engine with a few members.
struct Fixture {
    let store = MemoryStore()
    let clock = ManualClock()
    let access = FakeAccess()
    let bus = EventBus()
    let notifier = RecordingNotifier()
    let events: EventLog
    let engine: Engagement

    static let alice: ID<User> = "alice"
    static let bob: ID<User> = "bob"
    static let carol: ID<User> = "carol"
    static let mod: ID<User> = "mod"
    static let kim: ID<User> = "kim"

    init(configuration: EngagementConfiguration = EngagementConfiguration(), content: (any EngagementContentServices)? = nil) throws {
        try store.write { tx in
            try tx.put(User(id: Self.alice, kind: .customer, name: "Alice Adams", nickname: "alice", email: "alice@example.com", profileID: "p", accountID: "acc1"))
            try tx.put(User(id: Self.bob, kind: .partner, name: "Bob Brown", nickname: "bob", email: "bob@example.com", profileID: "p", accountID: "acc2"))
            try tx.put(User(id: Self.carol, kind: .internal, name: "Carol Chen", nickname: "carol", email: "carol@example.com", profileID: "p"))
            try tx.put(User(id: Self.mod, kind: .internal, name: "Moderator", nickname: "mod", email: "mod@example.com", profileID: "p"))
            try tx.put(User(id: Self.kim, kind: .customer, name: "김민수", nickname: "민수", email: "kim@example.com", locale: "ko_KR", profileID: "p", accountID: "acc1"))
        }
        access.makeModerator(Self.mod)
        events = EventLog(bus)
        engine = try Engagement(store: store, bus: bus, clock: clock, access: access, content: content, notifier: notifier,
            configuration: configuration)
    }

    func addMember(_ id: ID<User>, kind: User.Kind = .customer) throws {
        try store.write { tx in
            try tx.put(User(id: id, kind: kind, name: id.rawValue, email: "\(id.rawValue)@example.com", profileID: "p",
                accountID: kind.isExternal ? "acc1" : nil))
        }
    }
}
