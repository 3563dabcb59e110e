import Synchronization

/// A ``Store`` that forwards everything to another store and reports what goes wrong:
/// store errors and conflicts to ``CommunityMetrics`` and as `store.error` / `store.conflict`
/// events, values rejected as invalid as `store.validationFailed`, and how far its change
/// observers lag behind the feed.
///
/// The `Community` facade wraps its configured store in one. The cost on the success path is
/// one small allocation per snapshot and per transaction and a `do`/`catch` per call; every
/// read and write goes straight to the wrapped store. Errors are reported once, where they
/// are first thrown (a read, a `put`, a `delete` or the commit), and are rethrown unchanged.
///
/// What is logged never holds a value, a message from the failed value, or the id of a
/// record whose type names a secret (a session, a token): see ``LogRedaction``.
public final class ObservedStore: Store {
    /// The store everything is forwarded to.
    public let base: any Store
    /// Where errors are counted.
    public let metrics: CommunityMetrics
    private let reporter: StoreErrorReporter
    private let delivered = FeedPositions()
    private let nextObservation = Atomic<UInt64>(1)

    /// Wraps `base`, counting into `metrics` and logging to `logger`.
    public init(_ base: any Store, metrics: CommunityMetrics, logger: any CommunityLogger = SilentLogger()) {
        self.base = base
        self.metrics = metrics
        self.reporter = StoreErrorReporter(metrics: metrics, logger: logger)
    }

    /// The wrapped store's snapshot; read errors are reported.
    public func snapshot() -> any StoreSnapshot { ObservedSnapshot(base: base.snapshot(), reporter: reporter) }

    /// Runs `body` in a transaction of the wrapped store; errors are reported and rethrown.
    @discardableResult
    public func write<R>(_ body: (any StoreTransaction) throws -> R) throws -> R {
        var transaction: ObservedTransaction?
        do {
            return try base.write { tx in
                let observed = ObservedTransaction(base: tx, reporter: reporter)
                transaction = observed
                return try body(observed)
            }
        } catch {
            if transaction?.alreadyReported(error) != true { reporter.report(error, operation: "write") }
            throw error
        }
    }

    /// The wrapped store's changes after `sequence`; errors are reported.
    public func changes(after sequence: UInt64, limit: Int) throws -> [Change] {
        do {
            return try base.changes(after: sequence, limit: limit)
        } catch {
            reporter.report(error, operation: "changes")
            throw error
        }
    }

    /// Observes the wrapped store, remembering how far each observer has got.
    public func observe(_ observer: @escaping @Sendable ([Change]) -> Void) -> StoreObservation {
        let token = nextObservation.wrappingAdd(1, ordering: .relaxed).oldValue
        let delivered = self.delivered
        let inner = base.observe { changes in
            observer(changes)
            if let last = changes.last?.sequence {
                delivered.positions.withLock { positions in
                    if let position = positions[token], position < last { positions[token] = last }
                }
            }
        }
        let head = base.snapshot().sequence
        delivered.positions.withLock { positions in positions[token] = max(positions[token] ?? 0, head) }
        return StoreObservation {
            inner.cancel()
            delivered.positions.withLock { _ = $0.removeValue(forKey: token) }
        }
    }

    /// How many committed changes the slowest live observer has yet to return from (zero
    /// with no observers). Observers run on the committing thread, so this is non-zero only
    /// while a slow observer is still working through a commit.
    public func observerLag() -> UInt64 {
        let head = base.snapshot().sequence
        guard let slowest = delivered.positions.withLock({ $0.values.min() }) else { return 0 }
        return head > slowest ? head - slowest : 0
    }
}

/// The last sequence each observer of an ``ObservedStore`` returned from, by observation.
private final class FeedPositions: Sendable {
    let positions = Mutex<[UInt64: UInt64]>([:])
}

/// Counts and logs the errors an ``ObservedStore`` sees.
final class StoreErrorReporter: Sendable {
    let metrics: CommunityMetrics
    let logger: any CommunityLogger

    init(metrics: CommunityMetrics, logger: any CommunityLogger) {
        self.metrics = metrics
        self.logger = logger
    }

    /// Counts and logs `error` if it is a ``StoreError`` or a ``ValidationError``; other
    /// errors belong to the caller and are left alone.
    func report(_ error: any Error, operation: StaticString, entity: EntityType? = nil, id: String? = nil) {
        if let storeError = error as? StoreError {
            metrics.recordStoreError(storeError)
            logger.log(event(for: storeError, operation: operation, entity: entity, id: id))
        } else if let invalid = error as? ValidationError {
            metrics.recordStoreValidationFailure()
            var metadata: [String: LogValue] = [
                "operation": .text("\(operation)"), "field": .text(invalid.field), "reason": .text(invalid.reason.observedKind),
            ]
            if let entity { metadata["entity"] = .text(entity.name) }
            logger.log(.info, .storeValidationFailed, "The store rejected a value as invalid.", metadata: metadata)
        }
    }

    private func event(for error: StoreError, operation: StaticString, entity: EntityType?, id: String?) -> LogEvent {
        var metadata: [String: LogValue] = ["kind": .text(error.observedKind), "operation": .text("\(operation)")]
        func locate(_ type: EntityType, _ recordID: String) {
            metadata["entity"] = .text(type.name)
            // A record whose type names a secret (a session, a token) may be keyed by it.
            metadata["id"] = LogRedaction.isSecretKey(type.name) ? .redacted : .text(recordID)
        }
        if let entity, let id { locate(entity, id) } else if let entity { metadata["entity"] = .text(entity.name) }
        // An if-chain rather than a switch, so a new StoreError case still logs as `store.error`.
        if case .conflict(let type, let recordID, let expected, let actual) = error {
            locate(type, recordID)
            metadata["expected"] = .text("\(expected)")
            metadata["actual"] = actual.map { .integer($0) } ?? "none"
            return LogEvent(.notice, .storeConflict, "A write lost an optimistic-concurrency race.", metadata: metadata)
        } else if case .corrupt(let type, let recordID, _) = error {
            locate(type, recordID)  // the detail may quote the stored value, so it is left out
        } else if case .unindexedField(let type, let field) = error {
            metadata["entity"] = .text(type.name)
            metadata["field"] = .text(field)
        } else if case .feedTruncated(let requested, let oldest) = error {
            metadata["requested"] = .integer(requested)
            metadata["oldest"] = .integer(oldest)
        } else if case .backend(let message) = error {
            metadata["detail"] = .text(message)
        } else if case .locked(let path) = error {
            metadata["path"] = .text(path)
        }
        return LogEvent(.error, .storeError, "A store operation failed.", metadata: metadata)
    }
}
