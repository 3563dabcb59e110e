public import CommunityModel
import Dispatch
import Synchronization

/// The record-sharing engine: answers "what may this user do with this record?" and "which
/// records of this object may this user see?" under Salesforce sharing semantics.
///
/// Readers take an immutable ``AccessSnapshot`` (``snapshot``) and never wait for writers.
/// Changes arrive from the store's change feed (``init(store:recordTypes:)``) or through
/// ``apply(_:)``, are applied incrementally, and are published as a new snapshot.
public final class AccessEngine: Sendable {
    private let working: Mutex<AccessState>
    private let published: Mutex<AccessSnapshot>
    private let observation = Mutex<StoreObservation?>(nil)
    /// Summaries kept between snapshots (see ``summarizeVisible(of:_:)``).
    let summaries = SummaryCache()
    /// The record changes of recent steps, by snapshot generation.
    let journal: ChangeJournal
    /// Answers carried from snapshot to snapshot (``AccessSnapshot/carry(_:for:)``).
    let carried: CarriedAnswers

    /// The record types loaded from a store by default.
    public static let standardRecordTypes: [any Record.Type] = [
        Account.self, Contact.self, Opportunity.self, Case.self, Lead.self,
    ]

    /// An empty engine; feed it with ``apply(_:)`` or ``load(_:)``.
    public init() {
        var state = AccessState()
        state.refreshDirectory()
        let journal = ChangeJournal(), carried = CarriedAnswers()
        self.journal = journal
        self.carried = carried
        working = Mutex(state)
        published = Mutex(AccessSnapshot(state: state, lineage: SnapshotLineage(generation: 0, journal: journal, carried: carried)))
    }

    /// An engine over a store: loads every access entity and every record of
    /// `recordTypes`, then follows the store's change feed (any `Record` type that shows up
    /// in the feed is tracked, not only those listed).
    public convenience init(store: any Store, recordTypes: [any Record.Type] = AccessEngine.standardRecordTypes) throws {
        self.init()
        // Subscribe first so that nothing committed after the snapshot is missed.
        let follower = StoreFollower(engine: self)
        let token = follower.subscribe(to: store)
        let snapshot = store.snapshot()
        try build(from: snapshot, recordTypes: recordTypes)
        follower.goLive()
        observation.withLock { $0 = token }
    }

    /// Loads every access entity and every record of `recordTypes` from `snapshot`.
    ///
    /// From a snapshot that reads records undecoded (``EncodedRecordReading``, such as a
    /// `SQLiteStore`'s), records whose stored ``RecordAccessFields`` cover every field the
    /// build reads for their object are built from those fields and keep their bodies encoded,
    /// decoded when something reads them (as after a checkpoint load); the others are decoded.
    /// Should the build read a field those do not cover after all, it starts again the plain way.
    func build(from snapshot: any StoreSnapshot, recordTypes: [any Record.Type]) throws {
        let fast = snapshot as? any EncodedRecordReading
        var state = try Self.state(from: snapshot, recordTypes: recordTypes, encoded: fast)
        if state == nil, fast != nil {
            state = try Self.state(from: snapshot, recordTypes: recordTypes, encoded: nil)
        }
        guard let state else { throw StoreError.backend("the access engine's build read a field it could not have") }
        working.withLock { working in
            working = state
            publish(state, .unknown)
        }
    }

    /// A state built from `snapshot` (see ``build(from:recordTypes:)``); `nil` when a build
    /// from encoded records read a field their access fields do not cover.
    private static func state(
        from snapshot: any StoreSnapshot, recordTypes: [any Record.Type], encoded: (any EncodedRecordReading)?
    ) throws -> AccessState? {
        var configuration: [any Entity] = []
        func load<E: Entity>(_ type: E.Type) throws { configuration += try snapshot.all(type).map { $0.value as any Entity } }
        try load(SharingSettings.self)
        try load(Profile.self)
        try load(PermissionSet.self)
        try load(PermissionSetGroup.self)
        try load(Role.self)
        try load(User.self)
        try load(PublicGroup.self)
        try load(Queue.self)
        try load(OrgWideDefault.self)
        try load(SharingSet.self)
        try load(SiteMembership.self)
        let configurationCount = configuration.count
        try load(SharingRule.self)
        try load(RecordShare.self)
        let misses = FieldMisses()
        let unprojectable = LoadedRecords.unprojectableObjects(configuration)
        // Records are read type by type; the next type is read from the store on another
        // thread while this one is applied.
        @Sendable func read<R: Record>(_ type: R.Type) -> Result<LoadedRecords, any Error> {
            Result {
                if let encoded, !unprojectable.contains(R.entityType) {
                    return try LoadedRecords.reading(R.self, from: encoded, misses: misses)
                }
                return .decoded(try snapshot.all(type).map { $0.value as any Record })
            }
        }
        func startReading(_ k: Int) -> BackgroundRead? {
            guard k < recordTypes.count else { return nil }
            let type = recordTypes[k]
            return BackgroundRead { read(type) }
        }
        var expected = 0
        for type in recordTypes { expected += try count(type) }
        func count<R: Record>(_ type: R.Type) throws -> Int { try snapshot.count(type) }
        var state = AccessState()
        state.refreshDirectory()
        state.recordKeys.reserve(expected)
        // The first type is read (on other threads) while the configuration is applied.
        var reading = startReading(0)
        for entity in configuration[..<configurationCount] { state.apply(entity) }
        var encodedRows: [(record: UInt32, bodies: RecordBodies, body: Int)] = []
        for k in recordTypes.indices {
            let batch = try reading?.wait().get() ?? .decoded([])
            reading = startReading(k + 1)
            switch batch {
            case .decoded(let records):
                if let first = records.first {
                    let metatype = type(of: first)
                    let o = state.objectIndex(metatype.entityType)
                    if records.allSatisfy({ ObjectIdentifier(type(of: $0)) == ObjectIdentifier(metatype) }), state.insertNewRecords(records, object: o) != nil {
                        state.objectByMetatype[ObjectIdentifier(metatype)] = o
                        continue
                    }
                }
                for record in records { state.upsertRecord(record) }
            case .projected(let type, let records, let projected, let bodies):
                let o = state.objectIndex(type)
                let recordBodies = bodies.recordBodies(object: o, objectCount: state.objects.count)
                let indices: [UInt32]
                if let inserted = state.insertNewRecords(records, object: o) {
                    indices = inserted
                } else {
                    indices = records.map { state.upsertRecord($0, object: o) }
                }
                encodedRows.reserveCapacity(encodedRows.count + records.count)
                for (k, i) in indices.enumerated() where projected[k] { encodedRows.append((i, recordBodies, k)) }
            }
        }
        for entity in configuration[configurationCount...] { state.apply(entity) }
        state.sequence = max(state.sequence, snapshot.sequence)
        state.flushCriteria()
        state.refreshDirectory()
        if misses.any { return nil }
        // The projections have served: the records keep their encoded bodies from here on.
        for row in encodedRows { state.entities[Int(row.record)] = .encoded(row.bodies, row.body) }
        return state
    }

    /// Installs a checkpoint's state in an empty engine, rebuilds its directory, and publishes.
    func build(from checkpoint: AccessCheckpoint) {
        working.withLock { state in
            state = checkpoint.state
            state.refreshDirectory()
            publish(state, .unknown)
        }
    }

    /// Keeps the store observation that follows the feed, stopped by ``stop()``.
    func keep(_ token: StoreObservation) {
        observation.withLock { $0 = token }
    }

    /// The current snapshot: immutable, safe to use from any thread for as long as needed.
    public var snapshot: AccessSnapshot { published.withLock { $0 } }

    /// Applies committed store changes (in feed order) and publishes a new snapshot.
    public func apply(_ changes: [Change]) {
        guard !changes.isEmpty else { return }
        update { state, step in
            for change in changes where change.sequence > state.sequence || change.sequence == 0 {
                if change.kind == .deleted || change.entity == nil {
                    state.applyDeletion(type: change.entityType, id: change.id, noting: &step)
                } else if let entity = change.entity {
                    state.apply(entity, noting: &step)
                }
                state.sequence = max(state.sequence, change.sequence)
            }
        }
    }

    /// Inserts or replaces entities directly (for hosts and tools that keep no store, and
    /// for bulk loading), then publishes one snapshot.
    public func load(_ entities: [any Entity], sequence: UInt64? = nil) {
        update { state, step in
            for entity in entities { state.apply(entity, noting: &step) }
            if let sequence { state.sequence = max(state.sequence, sequence) }
        }
    }

    /// Removes entities directly (the counterpart of ``load(_:sequence:)``).
    public func remove(_ type: EntityType, ids: [String]) {
        update { state, step in
            for id in ids { state.applyDeletion(type: type, id: id, noting: &step) }
        }
    }

    private func update(_ body: (inout AccessState, inout ChangeStep) -> Void) {
        working.withLock { state in
            var step = ChangeStep()
            body(&state, &step)
            state.refreshDirectory()
            publish(state, step)
        }
    }

    /// Journals `step` under the next generation and publishes `state` as that generation's
    /// snapshot (called with the working state locked, so generations follow the steps' order).
    private func publish(_ state: AccessState, _ step: ChangeStep) {
        let generation = journal.append(step)
        let next = AccessSnapshot(state: state, lineage: SnapshotLineage(generation: generation, journal: journal, carried: carried))
        published.withLock { $0 = next }
    }

    /// Stops following the store.
    public func stop() {
        observation.withLock { $0?.cancel(); $0 = nil }
    }

    /// A state with a change applied, for what-if analysis.
    func hypothetical(_ body: (inout AccessState) -> Void) -> AccessState {
        var copy = snapshot.state
        body(&copy)
        copy.refreshDirectory()
        return copy
    }
}

/// A store read running on another thread; ``wait()`` returns its result.
final class BackgroundRead: Sendable {
    private let result = Mutex<Result<LoadedRecords, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () -> Result<LoadedRecords, any Error>) {
        DispatchQueue.global().async { [self] in
            let value = body()
            result.withLock { $0 = value }
            done.signal()
        }
    }

    func wait() -> Result<LoadedRecords, any Error> {
        done.wait()
        return result.withLock { $0! }  // trap-safe: the reader stores its result before it signals `done`
    }
}
