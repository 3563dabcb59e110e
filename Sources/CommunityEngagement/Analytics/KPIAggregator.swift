public import CommunityModel
import CommunityContent
public import Foundation
import Synchronization

/// Keeps the community KPIs' daily aggregates current from the store's change feed (sign-ins
/// reach it as ``SignInDay`` entities, see ``recordSignIn(_:site:at:)``), without recomputing
/// them: each change recomputes only its entity's group (see ``KPIRules``), subtracting the
/// group's old facts and adding its new ones.
///
/// ``aggregates`` hands out a copy (copy-on-write), so reading never waits for an update to
/// finish. ``reference(from:events:rules:)`` rebuilds the same aggregates from scratch; tests
/// compare the two.
public final class KPIAggregator: Sendable {
    private struct State: Sendable {
        var aggregates = KPIAggregates()
        var groups = KPIGroupTable()
        var sequence: UInt64 = 0
        var loaded = false
        var restored = false
    }

    /// The rules facts are derived with.
    public let rules: KPIRules
    private let clock: any WallClock
    private let source: (any Store)?
    private let state = Mutex(State())
    private let observation = Mutex<StoreObservation?>(nil)

    /// An aggregator fed by hand (``load(_:)``, ``aggregateUpdate(_:)``), as a benchmark uses it.
    public init(rules: KPIRules = KPIRules(), clock: any WallClock = SystemClock()) {
        self.rules = rules
        self.clock = clock
        source = nil
    }

    private init(rules: KPIRules, clock: any WallClock, source: any Store) {
        self.rules = rules
        self.clock = clock
        self.source = source
    }

    /// An aggregator that starts from the store's checkpoint (``checkpoint(to:)``) when there
    /// is a usable one, replaying the changes committed since, and otherwise loads every entity
    /// the KPIs read once; then it follows the store's change feed.
    ///
    /// - Throws: the store's error when the first read fails.
    public static func following(_ store: any Store, rules: KPIRules = KPIRules(), clock: any WallClock) throws -> KPIAggregator {
        let aggregator = KPIAggregator(rules: rules, clock: clock, source: store)
        let observation = store.observe { [weak aggregator] changes in aggregator?.aggregateUpdate(changes) }
        aggregator.observation.withLock { $0 = observation }
        let snapshot = store.snapshot()
        if try !aggregator.restore(from: snapshot, feed: store) { try aggregator.load(snapshot) }
        return aggregator
    }

    /// Whether the aggregates came from a checkpoint rather than from reading every entity.
    public var restoredFromCheckpoint: Bool { state.withLock { $0.restored } }

    deinit { observation.withLock { $0?.cancel() } }

    /// Stops following the store.
    public func stop() { observation.withLock { $0?.cancel(); $0 = nil } }

    /// Replaces the aggregates with those of a snapshot; later changes at or below the
    /// snapshot's sequence are ignored.
    public func load(_ snapshot: any StoreReader) throws {
        let entities = try Self.entities(in: snapshot)
        state.withLock { state in
            state = State()
            var touched: [Int32] = []
            for entity in entities {
                let entityType = type(of: entity).entityType
                let key = Self.key(entityType, Self.rawID(entity))
                guard KPIRules.groupedTypes.contains(entityType) else {
                    let facts = state.aggregates.pack(rules.facts(of: [entity]))
                    state.aggregates.apply(facts, sign: 1)
                    if !facts.isEmpty { state.groups[state.groups.intern(key)].facts = facts }
                    continue
                }
                let member = state.groups.intern(key)
                let group = state.groups.intern(KPIRules.group(of: entity))
                state.groups[member].slot = .read(entity)
                state.groups.move(member, to: group)
                touched.append(group)
            }
            for group in Set(touched) { recompute(group, in: &state, reader: snapshot) }
            state.sequence = snapshot.sequence
            state.loaded = true
        }
    }

    /// Applies committed changes (in feed order): the cost this measures per change is the
    /// KPIs' whole upkeep. Changes already applied, and changes of types the KPIs do not read,
    /// are skipped. A ``User`` counts as a new member on its ``User/joinedAt`` day (a fact of the
    /// entity, so a replay after a restart puts it on that day); one inserted without a join date
    /// counts on the clock's day.
    public func aggregateUpdate(_ changes: [Change]) {
        state.withLock { state in
            guard state.loaded else { return }
            for change in changes where change.sequence > state.sequence {
                state.sequence = change.sequence
                guard KPIRules.entityTypes.contains(change.entityType) else { continue }
                apply(change, to: &state)
            }
        }
    }

    /// Counts a successful sign-in of a member to a site (`nil`: no site) at a moment.
    ///
    /// An aggregator following a store keeps the sign-in there, as the member's ``SignInDay``
    /// for that site and day (one write), and counts it when the change feed delivers it, so a
    /// restart from a checkpoint replays sign-ins made after it. One fed by hand counts it at once.
    ///
    /// - Throws: the store's error; the sign-in is not counted then.
    public func recordSignIn(_ user: ID<User>, site: String?, at moment: Date) throws {
        guard let source else {
            let facts = Self.signInFacts(user, site: site, at: moment)
            state.withLock { $0.aggregates.apply(facts, sign: 1) }
            return
        }
        let day = KPIDay.number(of: moment)
        try source.write { tx in
            var record = try tx.value(SignInDay.id(user: user, site: site, day: day)) ?? SignInDay(userID: user, siteID: site, day: day, count: 0)
            record.count = record.count < Int.max ? record.count + 1 : record.count
            try record.validate()
            try tx.put(record)
        }
    }

    /// The facts sign-ins add: `count` logins and one active member on the moment's day (a
    /// reference without a store replays them; ``KPIRules`` derives the same from a ``SignInDay``).
    public static func signInFacts(_ user: ID<User>, site: String?, at moment: Date, count: Int = 1) -> [KPIFact] {
        signInFacts(user, site: site, day: KPIDay.number(of: moment), count: count)
    }

    static func signInFacts(_ user: ID<User>, site: String?, day: Int32, count: Int) -> [KPIFact] {
        [KPIFact(site: site, day: day, metric: .logins, value: Int64(max(0, count))),
         KPIFact(site: site, day: day, metric: .activeMember, key: user.rawValue)]
    }

    /// The fact a new member without a join date adds when inserted: in the site they joined
    /// through (`nil`: engine-wide). Members with a ``User/joinedAt`` get it from ``KPIRules``.
    public static func newMemberFact(at moment: Date, site: String? = nil) -> KPIFact {
        KPIFact(site: site, day: KPIDay.number(of: moment), metric: .newMembers)
    }

    /// A copy of the current aggregates.
    public var aggregates: KPIAggregates { state.withLock { $0.aggregates } }

    /// The last change sequence applied.
    public var sequence: UInt64 { state.withLock { $0.sequence } }

    /// How many `Type:id` names the group bookkeeping holds (live grouped entities, and groups
    /// or ungrouped entities with facts): tests check that deleted ones are let go.
    var trackedNameCount: Int { state.withLock { $0.groups.count } }

    // MARK: Reference

    /// Rebuilds the aggregates from scratch: every entity of the snapshot grouped and its facts
    /// summed, plus the sign-in and new-member facts given. For tests only; the engine never calls it.
    public static func reference(from snapshot: any StoreReader, events: [KPIFact], rules: KPIRules = KPIRules()) throws -> KPIAggregates {
        var groups: [String: [any Entity]] = [:]
        for entity in try entities(in: snapshot) { groups[KPIRules.group(of: entity), default: []].append(entity) }
        var aggregates = KPIAggregates()
        for members in groups.values { aggregates.apply(rules.facts(of: members), sign: 1) }
        aggregates.apply(events, sign: 1)
        return aggregates
    }

    // MARK: Checkpoints

    /// Writes the aggregates, with each entity group's facts and members, to `store` as
    /// ``KPICheckpointPart`` entities in one transaction (replacing the previous checkpoint),
    /// so ``following(_:rules:clock:)`` can start from them instead of reading every entity.
    /// Updates wait only while the state is copied, not while it is written.
    ///
    /// - Returns: how many parts were written.
    /// - Throws: the store's error; nothing is written then.
    @discardableResult
    public func checkpoint(to store: any Store) throws -> Int {
        let (aggregates, table, sequence) = state.withLock { state in (state.aggregates, state.groups, state.sequence) }
        let rows = aggregates.rows.sorted { ($0.metric.ordinal, $0.day ?? .min, $0.site ?? "", $0.key) < ($1.metric.ordinal, $1.day ?? .min, $1.site ?? "", $1.key) }
        var groups: [KPICheckpointGroup] = []
        groups.reserveCapacity(table.count)
        for entry in table.entries where !entry.facts.isEmpty || !entry.members.isEmpty {
            let members = entry.members.map { table[$0].name }.sorted()
            groups.append(KPICheckpointGroup(key: entry.name, members: members, facts: entry.facts.map(aggregates.fact)))
        }
        groups.sort { $0.key < $1.key }
        let size = KPICheckpointPart.maximumItems
        // Rows first, then groups, at most `size` of them together in a part.
        var parts: [(rows: ArraySlice<KPIAggregateRow>, groups: ArraySlice<KPICheckpointGroup>)] = []
        var row = 0, group = 0
        repeat {
            let rowEnd = min(rows.count, row + size)
            let groupEnd = min(groups.count, group + size - (rowEnd - row))
            parts.append((rows[row..<rowEnd], groups[group..<groupEnd]))
            row = rowEnd
            group = groupEnd
        } while row < rows.count || group < groups.count
        let fingerprint = rules.fingerprint
        let count = parts.count
        try store.write { tx in
            let previous = try tx.value(KPICheckpointPart.id(0))?.parts ?? 0
            for (number, part) in parts.enumerated() {
                try tx.put(KPICheckpointPart(number: number, sequence: sequence, parts: count, rulesFingerprint: fingerprint,
                                             rows: Array(part.rows), groups: Array(part.groups)))
            }
            for number in count..<max(count, previous) { try tx.delete(KPICheckpointPart.id(number)) }
        }
        return count
    }

    /// Starts from the checkpoint in `snapshot`, replaying the feed's changes after it; `false`
    /// (and nothing changed) when there is none, it was written under other rules, a part is
    /// missing, or the feed no longer holds every change since.
    private func restore(from snapshot: any StoreReader, feed store: any Store) throws -> Bool {
        guard let head = try snapshot.value(KPICheckpointPart.id(0)), head.rulesFingerprint == rules.fingerprint,
              head.sequence <= snapshot.sequence, head.parts >= 1
        else { return false }
        var parts = [head]
        for number in 1..<max(1, head.parts) {
            guard let part = try snapshot.value(KPICheckpointPart.id(number)), part.sequence == head.sequence, part.parts == head.parts
            else { return false }
            parts.append(part)
        }
        var replay: [Change] = []
        if head.sequence < snapshot.sequence {
            let needed = snapshot.sequence - head.sequence
            guard needed <= UInt64(Int.max), let changes = try? store.changes(after: head.sequence, limit: Int(needed)) else { return false }
            guard changes.count == Int(needed), changes.first?.sequence == head.sequence + 1, changes.last?.sequence == snapshot.sequence
            else { return false }
            replay = changes
        }
        state.withLock { state in
            state = State()
            state.aggregates = KPIAggregates(rows: parts.flatMap(\.rows))
            for part in parts {
                for group in part.groups {
                    let facts = state.aggregates.pack(group.facts)
                    guard !facts.isEmpty || !group.members.isEmpty else { continue }
                    let entry = state.groups.intern(group.key)
                    state.groups[entry].facts = facts
                    for member in group.members {
                        let slot = state.groups.intern(member)
                        state.groups[slot].slot = .unread
                        state.groups.move(slot, to: entry)
                    }
                }
            }
            state.sequence = head.sequence
            state.loaded = true
            state.restored = true
            for change in replay where change.sequence > state.sequence {
                state.sequence = change.sequence
                guard KPIRules.entityTypes.contains(change.entityType) else { continue }
                apply(change, to: &state)
            }
        }
        return true
    }

    /// A grouped entity by its `Type:id` key.
    private static func read(_ key: String, in reader: any StoreReader) -> (any Entity)? {
        guard let colon = key.firstIndex(of: ":") else { return nil }
        let type = String(key[..<colon])
        let id = String(key[key.index(after: colon)...])
        func get<E: Entity>(_: E.Type) -> (any Entity)? {
            guard let typed = try? ID<E>(parsing: id) else { return nil }
            return (try? reader.value(typed)) ?? nil
        }
        switch type {
        case Question.entityType.name: return get(Question.self)
        case Answer.entityType.name: return get(Answer.self)
        case Case.entityType.name: return get(Case.self)
        case CaseTracking.entityType.name: return get(CaseTracking.self)
        case CaseSurvey.entityType.name: return get(CaseSurvey.self)
        case FeedItem.entityType.name: return get(FeedItem.self)
        case Idea.entityType.name: return get(Idea.self)
        case Comment.entityType.name: return get(Comment.self)
        case ModerationCase.entityType.name: return get(ModerationCase.self)
        default: return nil
        }
    }

    // MARK: Internals

    private func apply(_ change: Change, to state: inout State) {
        let key = Self.key(change.entityType, change.id)
        if change.kind == .inserted, change.entityType == User.entityType, let user = change.entity as? User, user.joinedAt == nil,
           user.kind != .guest {
            // No join date on the entity (a host-created user): new on the day the feed delivers it.
            state.aggregates.apply(Self.newMemberFact(at: clock.now(), site: user.siteID), sign: 1)
        }
        let entity = change.kind == .deleted ? nil : change.entity
        guard KPIRules.groupedTypes.contains(change.entityType) else {
            // A group of one: its facts replace the entity's previous ones; nothing else is kept.
            let facts = entity.map { rules.facts(of: [$0]) } ?? []
            let new = state.aggregates.pack(facts)
            guard let slot = new.isEmpty ? state.groups.find(key) : state.groups.intern(key) else { return }
            Self.replaceFacts(of: slot, with: new, in: &state)
            state.groups.releaseIfUnused(slot)
            return
        }
        guard let entity else {
            // Deleted: it leaves its group, which is recomputed without it.
            guard let member = state.groups.find(key) else { return }
            state.groups[member].slot = nil
            let old = state.groups.move(member, to: -1)
            if let old { recompute(old, in: &state, reader: nil) }
            state.groups.releaseIfUnused(member)
            return
        }
        let groupName = KPIRules.group(of: entity)
        let member = state.groups.intern(key)
        state.groups[member].slot = .read(entity)
        let current = state.groups[member].group
        if current >= 0, state.groups[current].name == groupName {
            // The usual case: the entity stays in its group, which is recomputed with it.
            recompute(current, in: &state, reader: nil)
            return
        }
        let group = state.groups.intern(groupName)
        let old = state.groups.move(member, to: group)
        recompute(group, in: &state, reader: nil)
        if let old { recompute(old, in: &state, reader: nil) }
    }

    /// Recomputes a group's facts from its members (reading members known only by name).
    private func recompute(_ group: Int32, in state: inout State, reader: (any StoreReader)?) {
        var entities: [any Entity] = []
        var snapshot = reader
        var gone: [Int32] = []
        for member in state.groups[group].members {
            switch state.groups[member].slot {
            case .read(let entity): entities.append(entity)
            case .unread:
                // Known from a checkpoint: read it now (the store's current state; a later
                // change of it recomputes the group again, so the group converges).
                if snapshot == nil { snapshot = source?.snapshot() }
                if let snapshot, let entity = Self.read(state.groups[member].name, in: snapshot) {
                    state.groups[member].slot = .read(entity)
                    entities.append(entity)
                } else {
                    gone.append(member)
                }
            case nil: gone.append(member)
            }
        }
        for member in gone {
            state.groups[member].slot = nil
            state.groups.move(member, to: -1)
            state.groups.releaseIfUnused(member)
        }
        let new = entities.isEmpty ? [] : state.aggregates.pack(rules.facts(of: entities))
        Self.replaceFacts(of: group, with: new, in: &state)
        state.groups.releaseIfUnused(group)
    }

    /// Makes `new` the facts of a group (or of an entity that is a group of one), taking its old
    /// facts away: only the facts that differ touch the aggregates' cells.
    private static func replaceFacts(of group: Int32, with new: [KPIPackedFact], in state: inout State) {
        let old = state.groups[group].facts
        state.groups[group].facts = new
        if old.isEmpty {
            state.aggregates.apply(new, sign: 1)
        } else {
            state.aggregates.replace(old, with: new)
        }
    }

    private static func key(_ type: EntityType, _ id: String) -> String { type.name + ":" + id }

    private static func rawID(_ entity: any Entity) -> String {
        func id<E: Entity>(_ value: E) -> String { value.id.rawValue }
        return id(entity)
    }

    /// Every entity of the types the KPIs read.
    static func entities(in reader: any StoreReader) throws -> [any Entity] {
        var out: [any Entity] = []
        func add<E: Entity>(_ type: E.Type) throws { out += try reader.all(type).map { $0.value as any Entity } }
        try add(User.self); try add(FeedItem.self); try add(Comment.self); try add(Question.self); try add(Answer.self)
        try add(Idea.self); try add(ArticleViewRecord.self); try add(ArticleFeedback.self); try add(ArticleRating.self)
        try add(SearchQueryLogEntry.self); try add(Case.self); try add(CaseTracking.self); try add(CaseSurvey.self)
        try add(DeflectionSession.self); try add(Lead.self); try add(LeadConversion.self); try add(Opportunity.self)
        try add(FundRequest.self); try add(FundClaim.self); try add(ModerationCase.self); try add(SignInDay.self)
        return out
    }
}
