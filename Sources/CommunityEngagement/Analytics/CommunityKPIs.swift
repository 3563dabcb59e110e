/// The KPIs of a community for a scope and a range of days: one ``KPISection`` per group
/// (adoption, engagement, knowledge, search, service, partner, moderation), each with figures,
/// daily series for charts and top lists. Built from ``KPIAggregates`` by
/// ``init(aggregates:scope:days:context:)``.
///
/// Figure ids are stable (`engagement.posts`, `search.clickThrough`); ``figure(_:)`` reads one.
public struct CommunityKPIs: Sendable, Hashable {
    /// The scope.
    public var scope: KPIScope
    /// The UTC day numbers covered, first and last included.
    public var days: ClosedRange<Int32>
    /// The sections, in ``KPIGroup`` order.
    public var sections: [KPISection]

    /// A figure by id, such as `adoption.logins`.
    public func figure(_ id: String) -> KPIFigure? {
        for section in sections { if let figure = section.figures.first(where: { $0.id == id }) { return figure } }
        return nil
    }

    /// A top list by id, such as `search.topQueries`.
    public func topList(_ id: String) -> KPITopList? {
        for section in sections { if let list = section.topLists.first(where: { $0.id == id }) { return list } }
        return nil
    }

    /// The section of a group.
    public func section(_ group: KPIGroup) -> KPISection? { sections.first { $0.group == group } }
}

/// A group of KPIs, as the management console shows them.
public enum KPIGroup: String, Hashable, Sendable, Codable, CaseIterable {
    /// Members, new members, sign-ins, daily, weekly and monthly active members.
    case adoption
    /// Posts, comments, likes, questions and answers, ideas and votes, top members, groups, topics.
    case engagement
    /// Article views, helpful votes, ratings.
    case knowledge
    /// Searches, zero-result searches, top queries, click-through and clicked position.
    case search
    /// Cases, deflection, response and resolution times, service level, CSAT and NPS.
    case service
    /// Partner leads, pipeline, win rate and market development funds.
    case partner
    /// Flagged, held and removed content and the time to a decision.
    case moderation
}

/// One number of a section.
public struct KPIFigure: Sendable, Hashable {
    /// How a figure's value reads.
    public enum Format: String, Sendable, Hashable {
        /// A whole count.
        case count
        /// A share from 0 to 1.
        case percent
        /// A duration in seconds.
        case seconds
        /// An amount of money in cents.
        case cents
        /// A score such as an average rating or an NPS (-100 to 100).
        case score
    }

    /// The stable id (`engagement.posts`).
    public var id: String
    /// The value; `nil` when it cannot be computed (a share of nothing, a median of no samples).
    public var value: Double?
    /// How it reads.
    public var format: Format

    /// A figure.
    public init(_ id: String, _ value: Double?, _ format: Format = .count) {
        self.id = id
        self.value = value
        self.format = format
    }
}

/// Values over the range's days for a chart, in at most 24 periods of equal length.
public struct KPISeries: Sendable, Hashable {
    /// The stable id (`adoption.daily`).
    public var id: String
    /// The first day of each period.
    public var periods: [Int32]
    /// Each line of values, by the id of the figure it breaks down, one value per period.
    public var lines: [(id: String, values: [Double])] { zip(lineIDs, lineValues).map { ($0, $1) } }
    /// The line ids.
    public var lineIDs: [String]
    /// The line values, one array per id.
    public var lineValues: [[Double]]

    /// A series.
    public init(id: String, periods: [Int32], lineIDs: [String], lineValues: [[Double]]) {
        self.id = id
        self.periods = periods
        self.lineIDs = lineIDs
        self.lineValues = lineValues
    }
}

/// The first entries of a ranking.
public struct KPITopList: Sendable, Hashable {
    /// One ranked entry.
    public struct Entry: Sendable, Hashable {
        /// The key (a member or group id, a topic, a query).
        public var key: String
        /// The display name (the key when nothing better is known).
        public var label: String
        /// The value ranked by.
        public var value: Double
    }

    /// The stable id (`engagement.activeMembers`).
    public var id: String
    /// How values read.
    public var format: KPIFigure.Format
    /// The entries, highest first.
    public var entries: [Entry]
}

/// One group's KPIs.
public struct KPISection: Sendable, Hashable {
    /// The group.
    public var group: KPIGroup
    /// Its figures.
    public var figures: [KPIFigure]
    /// Its charts' data.
    public var series: [KPISeries]
    /// Its rankings.
    public var topLists: [KPITopList]
}
