public import Foundation

/// One followed search result, as click learning reads it from a search log: the normalised
/// query, the item followed (`kind:id`, such as `article:ka-1`, language-independent), the
/// member who followed it and when.
public struct SearchClick: Sendable, Hashable {
    /// The normalised query.
    public var query: String
    /// The item followed, as `kind:id`.
    public var item: String
    /// The member who followed it (guests are not learned from).
    public var member: String
    /// When.
    public var at: Date

    /// Creates a click.
    public init(query: String, item: String, member: String, at: Date) {
        self.query = query
        self.item = item
        self.member = member
        self.at = at
    }
}

/// The knobs of click learning.
public struct ClickLearningOptions: Sendable, Hashable {
    /// Days after which a click counts half as much.
    public var halfLifeDays: Double = 14
    /// How many distinct members must have followed an item for a query before it is boosted.
    public var minimumMembers: Int = 3
    /// The most a learned boost adds to a score: the factor stays below `1 + maxBoost`.
    public var maxBoost: Double = 0.5

    /// The defaults: a 14-day half-life, 3 distinct members, at most +50 %.
    public init() {}
}

/// One learned boost: how strongly an item is lifted for a query, and why.
public struct LearnedBoost: Sendable, Hashable {
    /// The normalised query.
    public var query: String
    /// The item (`kind:id`).
    public var item: String
    /// Distinct members who followed it for the query.
    public var members: Int
    /// The decayed weight: per member, 2^(−age / half-life) of their latest click.
    public var weight: Double
    /// The score factor it gives (1 < factor < 1 + maxBoost).
    public var factor: Double
}
