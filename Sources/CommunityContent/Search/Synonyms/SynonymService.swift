public import CommunityModel
import Synchronization

/// The synonym groups of a community: kept in the ``Store`` as ``SynonymGroup`` entities and
/// compiled into one ``SynonymSet`` that follows the store's change feed, so a change made on
/// any host applies to the next query and a query only reads the compiled set.
///
/// ```swift
/// let synonyms = try SynonymService(store: store)
/// try synonyms.save(SynonymGroup(locale: "en", terms: ["sign in", "log in", "login"]))
/// var query = SearchQuery("can't sign in", locale: "en_US")
/// query.synonyms = synonyms.current          // "login" articles now match
/// ```
public final class SynonymService: Sendable {
    private let store: any Store
    private let compiled: Mutex<SynonymSet>
    private let observation = Mutex<StoreObservation?>(nil)
    /// Serialises recompiling so an older snapshot never replaces a newer one.
    private let serial = Mutex(())

    /// Compiles the stored groups, then follows the store.
    public init(store: any Store) throws {
        self.store = store
        self.compiled = Mutex(.empty)
        let observation = store.observe { [weak self] changes in
            guard changes.contains(where: { $0.entityType == SynonymGroup.entityType }) else { return }
            try? self?.reload()
        }
        self.observation.withLock { $0 = observation }
        try reload()
    }

    /// Stops following the store.
    public func stop() { observation.withLock { $0?.cancel(); $0 = nil } }

    /// The compiled groups the next query uses.
    public var current: SynonymSet { compiled.withLock { $0 } }

    /// Recompiles from the store (the change feed does this by itself).
    public func reload() throws {
        try serial.withLock { _ in
            let groups = try store.snapshot().all(SynonymGroup.self).map(\.value).sorted { $0.id < $1.id }
            let set = SynonymSet(groups)
            compiled.withLock { $0 = set }
        }
    }

    /// Every group, or those of one locale (`""`: the groups for every locale), sorted by
    /// locale then first term.
    public func groups(locale: String? = nil) throws -> [SynonymGroup] {
        let all = try store.snapshot().all(SynonymGroup.self).map(\.value)
        let chosen = locale.map { wanted in all.filter { ($0.locale ?? "") == wanted } } ?? all
        return chosen.sorted { a, b in
            (a.locale ?? "", a.terms.first ?? "", a.id.rawValue) < (b.locale ?? "", b.terms.first ?? "", b.id.rawValue)
        }
    }

    /// The group with this id.
    public func group(_ id: ID<SynonymGroup>) throws -> SynonymGroup? { try store.snapshot().value(id) }

    /// Adds a group or replaces the one with its id.
    ///
    /// - Throws: ``SynonymGroupError`` when the group is invalid (nothing is written), or the
    ///   store's error.
    public func save(_ group: SynonymGroup) throws {
        try group.check()
        try store.write { tx in _ = try tx.put(group) }
        try reload()
    }

    /// Adds the groups whose terms no stored group of the same locale and kind already has
    /// (``SynonymGroup/starterGroups`` on a new community); returns how many were added.
    @discardableResult
    public func seed(_ groups: [SynonymGroup]) throws -> Int {
        for group in groups { try group.check() }
        let added = try store.write { tx -> Int in
            let stored = try tx.all(SynonymGroup.self).map(\.value)
            let signatures = Set(stored.map(Self.signature)), ids = Set(stored.map(\.id))
            var added = 0
            for group in groups where !signatures.contains(Self.signature(group)) && !ids.contains(group.id) {
                _ = try tx.put(group, expecting: .absent)
                added += 1
            }
            return added
        }
        try reload()
        return added
    }

    /// Removes a group.
    ///
    /// - Throws: ``SynonymGroupError/unknownGroup(_:)`` when no group has the id.
    public func delete(_ id: ID<SynonymGroup>) throws {
        try store.write { tx in
            guard try tx.value(id) != nil else { throw SynonymGroupError.unknownGroup(id.rawValue) }
            try tx.delete(id)
        }
        try reload()
    }

    private static func signature(_ group: SynonymGroup) -> String {
        let terms = (group.terms + ["→"] + group.targets).map { SynonymSet.keys(of: $0).first ?? $0 }
        return "\(group.locale ?? "*")|\(group.kind.rawValue)|" + terms.joined(separator: "|")
    }
}
