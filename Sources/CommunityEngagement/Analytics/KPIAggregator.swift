public import CommunityModel
import CommunityContent
public import Foundation
import Synchronization

/// Keeps the community KPIs' daily aggregates current from the store's change feed and from
/// sign-ins, without recomputing them: each change recomputes only its entity's group (see
/// ``KPIRules``), subtracting the group's old facts and adding its new ones.
///
/// ``aggregates`` hands out a copy (copy-on-write), so reading never waits for an update to
/// finish. ``reference(from:events:rules:)`` rebuilds the same aggregates from scratch; tests
/// compare the two.
public final class KPIAggregator: Sendable {
    private struct State: Sendable {
        var aggregates = KPIAggregates()
        var groupOf: [String: String] = [:]
        var members: [String: [String: any Entity]] = [:]
        var contributions: [String: [KPIFact]] = [:]
        var sequence: UInt64 = 0
        var loaded = false
    }

    /// The rules facts are derived with.
    public let rules: KPIRules
    private let clock: any WallClock
    private let state = Mutex(State())
    private let observation = Mutex<StoreObservation?>(nil)

    /// An aggregator fed by hand (``load(_:)``, ``aggregateUpdate(_:)``), as a benchmark uses it.
    public init(rules: KPIRules = KPIRules(), clock: any WallClock = SystemClock()) {
        self.rules = rules
        self.clock = clock
    }

    /// An aggregator that loads the store's current state once and then follows its change feed.
    ///
    /// - Throws: the store's error when the first read fails.
    public static func following(_ store: any Store, rules: KPIRules = KPIRules(), clock: any WallClock) throws -> KPIAggregator {
        let aggregator = KPIAggregator(rules: rules, clock: clock)
        let observation = store.observe { [weak aggregator] changes in aggregator?.aggregateUpdate(changes) }
        aggregator.observation.withLock { $0 = observation }
        try aggregator.load(store.snapshot())
        return aggregator
    }

    deinit { observation.withLock { $0?.cancel() } }

    /// Stops following the store.
    public func stop() { observation.withLock { $0?.cancel(); $0 = nil } }

    /// Replaces the aggregates with those of a snapshot; later changes at or below the
    /// snapshot's sequence are ignored.
    public func load(_ snapshot: any StoreReader) throws {
        let entities = try Self.entities(in: snapshot)
        state.withLock { state in
            state = State()
            for entity in entities {
                let key = Self.key(type(of: entity).entityType, Self.rawID(entity))
                guard KPIRules.groupedTypes.contains(type(of: entity).entityType) else {
                    let facts = rules.facts(of: [entity])
                    state.aggregates.apply(facts, sign: 1)
                    if !facts.isEmpty { state.contributions[key] = facts }
                    continue
                }
                let group = KPIRules.group(of: entity)
                state.groupOf[key] = group
                state.members[group, default: [:]][key] = entity
            }
            for group in state.members.keys { recompute(group, in: &state) }
            state.sequence = snapshot.sequence
            state.loaded = true
        }
    }

    /// Applies committed changes (in feed order): the cost this measures per change is the
    /// KPIs' whole upkeep. Changes already applied, and changes of types the KPIs do not read,
    /// are skipped; a ``User`` insert also counts a new member on the clock's day.
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
    public func recordSignIn(_ user: ID<User>, site: String?, at moment: Date) {
        let facts = Self.signInFacts(user, site: site, at: moment)
        state.withLock { $0.aggregates.apply(facts, sign: 1) }
    }

    /// The facts a sign-in adds (the reference replays them).
    public static func signInFacts(_ user: ID<User>, site: String?, at moment: Date) -> [KPIFact] {
        let day = KPIDay.number(of: moment)
        return [KPIFact(site: site, day: day, metric: .logins), KPIFact(site: site, day: day, metric: .activeMember, key: user.rawValue)]
    }

    /// The fact a new member adds.
    public static func newMemberFact(at moment: Date) -> KPIFact {
        KPIFact(site: nil, day: KPIDay.number(of: moment), metric: .newMembers)
    }

    /// A copy of the current aggregates.
    public var aggregates: KPIAggregates { state.withLock { $0.aggregates } }

    /// The last change sequence applied.
    public var sequence: UInt64 { state.withLock { $0.sequence } }

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

    // MARK: Internals

    private func apply(_ change: Change, to state: inout State) {
        let key = Self.key(change.entityType, change.id)
        if change.kind == .inserted, change.entity is User { state.aggregates.apply(Self.newMemberFact(at: clock.now()), sign: 1) }
        guard KPIRules.groupedTypes.contains(change.entityType) else {
            // A group of one: its facts replace the entity's previous ones; nothing else is kept.
            let new = change.kind == .deleted ? [] : change.entity.map { rules.facts(of: [$0]) } ?? []
            let old = new.isEmpty ? state.contributions.removeValue(forKey: key) : state.contributions.updateValue(new, forKey: key)
            if let old, old == new { return }
            if let old { state.aggregates.apply(old, sign: -1) }
            state.aggregates.apply(new, sign: 1)
            return
        }
        var touched: [String] = []
        if let old = state.groupOf.removeValue(forKey: key) {
            state.members[old]?[key] = nil
            touched.append(old)
        }
        if change.kind != .deleted, let entity = change.entity {
            let group = KPIRules.group(of: entity)
            state.groupOf[key] = group
            state.members[group, default: [:]][key] = entity
            if !touched.contains(group) { touched.append(group) }
        }
        for group in touched { recompute(group, in: &state) }
    }

    private func recompute(_ group: String, in state: inout State) {
        let members = state.members[group] ?? [:]
        let new = members.isEmpty ? [] : rules.facts(of: Array(members.values))
        if members.isEmpty { state.members[group] = nil }
        if let old = state.contributions[group] { state.aggregates.apply(old, sign: -1) }
        state.aggregates.apply(new, sign: 1)
        state.contributions[group] = new.isEmpty ? nil : new
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
        try add(FundRequest.self); try add(FundClaim.self); try add(ModerationCase.self)
        return out
    }
}
