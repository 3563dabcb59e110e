public import CommunityAccess
public import CommunityModel
import Foundation

/// Topics: create, rename, merge, assign to articles, questions, ideas and files (or
/// suggest from text), order navigational and featured topics, and build topic pages.
///
/// Managing topics needs ``TopicService/managePermission`` (or `manageCommunity`);
/// assigning needs ``TopicService/assignPermission`` (or either of those).
public final class TopicService: Sendable {
    /// Create, rename, merge and order topics.
    public static let managePermission: SystemPermission = "manageTopics"
    /// Put topics on items.
    public static let assignPermission: SystemPermission = "assignTopics"
    /// Longest topic name.
    public static let maxNameLength = 100

    let store: any Store
    let index: any SearchIndex
    let access: AccessEngine
    let audience: ContentAudience
    let experts: any TopicExpertSource
    let clock: any WallClock

    /// Creates the service.
    public init(
        store: any Store, index: any SearchIndex, access: AccessEngine, experts: any TopicExpertSource = MemoryTopicExperts(),
        clock: any WallClock = SystemClock()
    ) {
        self.store = store
        self.index = index
        self.access = access
        self.audience = ContentAudience(access: access)
        self.experts = experts
        self.clock = clock
    }

    // MARK: Managing

    /// Creates a topic with a unique (folded) name.
    public func createTopic(name: String, description: String = "", by user: ID<User>) throws -> Topic {
        try require(user, manage: true, "create topics")
        let topic = Topic(id: ID.generate(prefix: "tp"), name: name.trimmingCharacters(in: .whitespacesAndNewlines), description: description, createdAt: clock.now())
        try Self.validate(topic.name)
        try store.write { tx in
            try Self.checkUnique(topic.normalizedName, except: nil, in: tx)
            try tx.put(topic, expecting: .absent)
        }
        return topic
    }

    /// Renames a topic; the folded name must stay unique.
    public func rename(_ id: ID<Topic>, to name: String, by user: ID<User>) throws {
        try require(user, manage: true, "rename topics")
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        try Self.validate(trimmed)
        try store.write { tx in
            var topic = try Self.live(id, in: tx)
            topic.name = trimmed
            topic.normalizedName = Topic.normalize(trimmed)
            try Self.checkUnique(topic.normalizedName, except: id, in: tx)
            try tx.put(topic)
        }
    }

    /// Merges `source` into `target`: its assignments move (without duplicates), its
    /// navigation and feature slots go, and it is marked as merged. One transaction.
    public func merge(_ source: ID<Topic>, into target: ID<Topic>, by user: ID<User>) throws {
        try require(user, manage: true, "merge topics")
        guard source != target else { throw TopicError.mergeIntoItself(source.rawValue) }
        try store.write { tx in
            var from = try Self.live(source, in: tx)
            _ = try Self.live(target, in: tx)
            for assignment in try tx.query(Query<TopicAssignment>().where("topicID", equals: .reference(source.rawValue))) {
                let a = assignment.value
                try tx.delete(a.id)
                let moved = TopicAssignment(topicID: target, target: a.target, assignedBy: a.assignedBy, assignedAt: a.assignedAt)
                if try tx.get(moved.id) == nil { try tx.put(moved) }
            }
            from.mergedInto = target
            from.navigationalOrder = nil
            from.featuredOrder = nil
            try tx.put(from)
        }
    }

    /// Makes a topic navigational at a position, or not (`nil`).
    public func setNavigational(_ id: ID<Topic>, order: Int?, by user: ID<User>) throws {
        try require(user, manage: true, "order navigational topics")
        try store.write { tx in
            var topic = try Self.live(id, in: tx)
            topic.navigationalOrder = order
            try tx.put(topic)
        }
    }

    /// Makes a topic featured at a position, or not (`nil`).
    public func setFeatured(_ id: ID<Topic>, order: Int?, by user: ID<User>) throws {
        try require(user, manage: true, "feature topics")
        try store.write { tx in
            var topic = try Self.live(id, in: tx)
            topic.featuredOrder = order
            try tx.put(topic)
        }
    }

    // MARK: Assigning

    /// Puts a topic on an item (idempotent).
    public func assign(_ id: ID<Topic>, to target: TopicTarget, by user: ID<User>) throws {
        try require(user, manage: false, "assign topics")
        let now = clock.now()
        try store.write { tx in
            _ = try Self.live(id, in: tx)
            let assignment = TopicAssignment(topicID: id, target: target, assignedBy: user, assignedAt: now)
            if try tx.get(assignment.id) == nil { try tx.put(assignment) }
        }
    }

    /// Takes a topic off an item.
    public func unassign(_ id: ID<Topic>, from target: TopicTarget, by user: ID<User>) throws {
        try require(user, manage: false, "remove topics")
        try store.write { tx in
            try tx.delete(TopicAssignment(topicID: id, target: target, assignedBy: user, assignedAt: Date()).id)
        }
    }

    /// The live topics on an item, by name.
    public func topics(of target: TopicTarget) throws -> [Topic] {
        let snapshot = store.snapshot()
        return try Self.topics(of: target, in: snapshot).compactMap { try snapshot.value($0) }.sorted { $0.name < $1.name }
    }

    /// The ids of the topics assigned to an item, read from a snapshot or transaction (indexers use it).
    public static func topics(of target: TopicTarget, in reader: any StoreReader) throws -> [ID<Topic>] {
        try reader.query(Query<TopicAssignment>().where("target", equals: .text(target.key))).map(\.value.topicID).sorted()
    }

    /// Existing topics whose names occur in the text (all of a name's words, in any
    /// form the search analysis matches), most specific first.
    public func suggestTopics(for text: String, locale: String, limit: Int = 5) throws -> [Topic] {
        let language = ContentLanguage(locale: locale)
        let textTerms = Set(TextAnalyzer.indexTerms(text, language: language))
        var scored: [(Topic, Int)] = []
        for topic in try store.snapshot().all(Topic.self).map(\.value) where topic.mergedInto == nil {
            let units = TextAnalyzer.queryUnits(topic.name, language: language)
            guard !units.isEmpty, units.allSatisfy({ $0.forms.contains(where: textTerms.contains) }) else { continue }
            scored.append((topic, units.count))
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.name < $1.0.name }.prefix(max(0, limit)).map(\.0)
    }

    // MARK: Reading

    /// Navigational topics in menu order.
    public func navigationalTopics() throws -> [Topic] {
        try store.snapshot().all(Topic.self).map(\.value).filter { $0.mergedInto == nil && $0.navigationalOrder != nil }
            .sorted { ($0.navigationalOrder ?? .max, $0.name) < ($1.navigationalOrder ?? .max, $1.name) }
    }

    /// Featured topics in order.
    public func featuredTopics() throws -> [Topic] {
        try store.snapshot().all(Topic.self).map(\.value).filter { $0.mergedInto == nil && $0.featuredOrder != nil }
            .sorted { ($0.featuredOrder ?? .max, $0.name) < ($1.featuredOrder ?? .max, $1.name) }
    }

    /// The topic, following merges to the topic it lives on as.
    public func topic(_ id: ID<Topic>) throws -> Topic? {
        let snapshot = store.snapshot()
        var current = try snapshot.value(id)
        var hops = 0
        while let next = current?.mergedInto, hops < 16 {
            current = try snapshot.value(next)
            hops += 1
        }
        return current
    }

    /// A topic's page as a user (or the guest) sees it: only visible items, from the
    /// search index (questions, ideas, discussions and files appear once their layer indexes
    /// them with the topic), plus the experts.
    public func page(_ id: ID<Topic>, as user: ID<User>?, limit: Int = 10) throws -> TopicPage {
        let viewer: SearchViewer = try audience.viewer(for: user, in: store.snapshot())
        return try page(id, as: viewer, locale: nil, articleLocales: nil, limit: limit)
    }

    // MARK: Helpers

    func require(_ user: ID<User>, manage: Bool, _ action: String) throws {
        let snapshot = access.snapshot
        let allowed =
            snapshot.hasPermission(user, Self.managePermission) || snapshot.hasPermission(user, .manageCommunity)
            || (!manage && snapshot.hasPermission(user, Self.assignPermission))
        guard allowed else { throw TopicError.notAllowed(user: user.rawValue, action: action) }
    }

    static func validate(_ name: String) throws {
        if Topic.normalize(name).isEmpty { throw TopicError.emptyName }
        if name.count > maxNameLength { throw TopicError.nameTooLong(limit: maxNameLength, actual: name.count) }
    }

    static func checkUnique(_ normalized: String, except id: ID<Topic>?, in reader: any StoreReader) throws {
        for existing in try reader.query(Query<Topic>().where("normalizedName", equals: .text(normalized)))
        where existing.value.id != id {
            throw TopicError.duplicateName(normalized, existing: existing.value.id.rawValue)
        }
    }

    static func live(_ id: ID<Topic>, in reader: any StoreReader) throws -> Topic {
        guard let topic = try reader.value(id), topic.mergedInto == nil else { throw TopicError.unknownTopic(id.rawValue) }
        return topic
    }
}
