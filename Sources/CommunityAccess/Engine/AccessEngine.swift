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
        // The configuration's rows are all read first; they are decoded while the first
        // record type is read on other threads (from an `EncodedRecordReading` snapshot,
        // which reads rows and decodes them in two steps; other snapshots decode at once).
        typealias Decoding = @Sendable () throws -> [any Entity]
        func readRows<E: Entity>(_ type: E.Type) throws -> Decoding {
            if let encoded {
                let decode = try encoded.readAll(type)
                return { try decode().map { $0.value as any Entity } }
            }
            let values = try snapshot.all(type).map { $0.value as any Entity }
            return { values }
        }
        // In the order they are applied; rules and shares (the last two) after the records.
        let pending: [Decoding] = [
            try readRows(SharingSettings.self), try readRows(Profile.self), try readRows(PermissionSet.self),
            try readRows(PermissionSetGroup.self), try readRows(Role.self), try readRows(User.self),
            try readRows(PublicGroup.self), try readRows(Queue.self), try readRows(OrgWideDefault.self),
            try readRows(SharingSet.self), try readRows(SiteMembership.self), try readRows(SharingRule.self),
            try readRows(RecordShare.self),
        ]
        let (orgWideDefaults, sharingSets, sharingRules) = (8, 9, 11)  // positions in `pending`
        var decoded = [[any Entity]?](repeating: nil, count: pending.count)
        // What decides which objects read their records from access fields, first.
        for k in [orgWideDefaults, sharingSets, sharingRules] { decoded[k] = try pending[k]() }
        let misses = FieldMisses()
        let unprojectable = LoadedRecords.unprojectableObjects(
            [orgWideDefaults, sharingSets, sharingRules].flatMap { decoded[$0] ?? [] })
        // Records are read type by type on other threads: each type's rows are read once the
        // type before has its rows (the snapshot has one connection), then parsed on all cores.
        let turns = recordTypes.map { _ in DispatchSemaphore(value: 0) }
        @Sendable func read<R: Record>(_ type: R.Type, turn k: Int) -> Result<LoadedRecords, any Error> {
            turns[k].wait()
            var passed = false
            func passTurn() {
                if !passed, k + 1 < turns.count { turns[k + 1].signal() }
                passed = true
            }
            defer { passTurn() }
            return Result {
                if let encoded, !unprojectable.contains(R.entityType) {
                    return try LoadedRecords.reading(R.self, from: encoded, misses: misses, rowsRead: passTurn)
                }
                return .decoded(try snapshot.all(type).map { $0.value as any Record })
            }
        }
        func startReading(_ k: Int) -> BackgroundRead {
            let type = recordTypes[k]
            return BackgroundRead { read(type, turn: k) }
        }
        var state = AccessState()
        state.refreshDirectory()
        // Every record type is read on other threads (one after another on the snapshot's
        // connection, each parsed on all cores) while the configuration is decoded and
        // applied and the types read before are inserted.
        let readings = recordTypes.indices.map(startReading)
        turns.first?.signal()
        for k in pending.indices where decoded[k] == nil { decoded[k] = try pending[k]() }
        let configuration = decoded.flatMap { $0 ?? [] }
        let configurationCount = configuration.count - decoded[(sharingRules)...].reduce(0) { $0 + ($1?.count ?? 0) }
        for entity in configuration[..<configurationCount] { state.apply(entity) }
        // Each projected batch's bodies, record indices and which rows were projected.
        var encodedBatches: [(bodies: RecordBodies, indices: [UInt32], projected: [Bool])] = []
        for k in recordTypes.indices {
            let batch = try readings[k].wait().get()
            // Room for the batch's keys (the stores are not asked to count first: SQLite
            // would read every row of the type to count them).
            state.recordKeys.reserve(batch.count)
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
                encodedBatches.append((recordBodies, indices, projected))
            }
        }
        for entity in configuration[configurationCount...] { state.apply(entity) }
        state.sequence = max(state.sequence, snapshot.sequence)
        state.flushCriteria()
        state.refreshDirectory()
        if misses.any { return nil }
        // The projections have served: the records keep their encoded bodies from here on.
        state.keepEncoded(encodedBatches)
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
