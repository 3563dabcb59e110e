import Synchronization

/// Delivers domain events to subscribers, synchronously, in subscription order.
///
/// Each engine owns one bus; there is no process-wide bus. Handlers must be quick and
/// must not throw; work that may fail belongs in the subscriber's own queue.
public final class EventBus: Sendable {
    private struct Subscriber: Sendable {
        let id: UInt64
        let deliver: @Sendable (any DomainEvent) -> Void
    }

    private let subscribers = Mutex<[ObjectIdentifier: [Subscriber]]>([:])
    private let everything = Mutex<[Subscriber]>([])
    private let nextID = Atomic<UInt64>(1)

    /// Creates a bus with no subscribers.
    public init() {}

    /// Calls `handler` for every published event of type `E`.
    @discardableResult
    public func subscribe<E: DomainEvent>(
        _ type: E.Type, _ handler: @escaping @Sendable (E) -> Void
    ) -> EventSubscription {
        let id = nextID.add(1, ordering: .relaxed).oldValue
        let key = ObjectIdentifier(type)
        let subscriber = Subscriber(id: id) { event in
            if let typed = event as? E { handler(typed) }
        }
        subscribers.withLock { $0[key, default: []].append(subscriber) }
        return EventSubscription { [weak self] in
            self?.subscribers.withLock { $0[key]?.removeAll { $0.id == id } }
        }
    }

    /// Calls `handler` for every published event, whatever its type (for audit logs and analytics).
    @discardableResult
    public func subscribeAll(_ handler: @escaping @Sendable (any DomainEvent) -> Void) -> EventSubscription {
        let id = nextID.add(1, ordering: .relaxed).oldValue
        everything.withLock { $0.append(Subscriber(id: id, deliver: handler)) }
        return EventSubscription { [weak self] in
            self?.everything.withLock { $0.removeAll { $0.id == id } }
        }
    }

    /// Delivers an event to its type's subscribers, then to those of every event.
    public func publish<E: DomainEvent>(_ event: E) {
        let typed = subscribers.withLock { $0[ObjectIdentifier(E.self)] ?? [] }
        for s in typed { s.deliver(event) }
        let all = everything.withLock { $0 }
        for s in all { s.deliver(event) }
    }
}

/// Keeps a subscription alive until cancelled.
public final class EventSubscription: Sendable {
    private let onCancel: @Sendable () -> Void
    init(onCancel: @escaping @Sendable () -> Void) { self.onCancel = onCancel }
    /// Stops delivery. Dropping the subscription does not cancel it; the bus keeps the handler.
    public func cancel() { onCancel() }
}
