/// Questions, ideas, feeds, groups, reputation and members, as the viewer may see them.
/// Each method has a default that reports nothing, so a host implements what it has.
public protocol EngagementProvider: Sendable {
    /// Recent questions, optionally of a topic.
    func questions(topic: String?, viewer: Viewer, limit: Int) throws -> [QuestionSummary]
    /// One question; `nil` when missing or not visible.
    func question(id: String, viewer: Viewer) throws -> QuestionView?
    /// Ideas by score.
    func ideas(viewer: Viewer, limit: Int) throws -> [IdeaSummary]
    /// Ideas in an order; the default reports ``ideas(viewer:limit:)`` (by score) for every order.
    func ideas(viewer: Viewer, limit: Int, order: IdeaListOrder) throws -> [IdeaSummary]
    /// The viewer's feed.
    func feed(viewer: Viewer, limit: Int) throws -> [FeedItemView]
    /// Groups the viewer may see.
    func groups(viewer: Viewer, limit: Int) throws -> [GroupSummary]
    /// The reputation leaderboard.
    func leaderboard(viewer: Viewer, limit: Int) throws -> [LeaderEntry]
    /// One member's profile; `nil` when missing or hidden.
    func member(id: String, viewer: Viewer) throws -> MemberProfile?
    /// The member directory.
    func members(viewer: Viewer, limit: Int) throws -> [MemberProfile]
}

extension EngagementProvider {
    /// None.
    public func questions(topic: String?, viewer: Viewer, limit: Int) throws -> [QuestionSummary] { [] }
    /// None.
    public func question(id: String, viewer: Viewer) throws -> QuestionView? { nil }
    /// None.
    public func ideas(viewer: Viewer, limit: Int) throws -> [IdeaSummary] { [] }
    /// By score, whatever the order.
    public func ideas(viewer: Viewer, limit: Int, order: IdeaListOrder) throws -> [IdeaSummary] {
        try ideas(viewer: viewer, limit: limit)
    }
    /// None.
    public func feed(viewer: Viewer, limit: Int) throws -> [FeedItemView] { [] }
    /// None.
    public func groups(viewer: Viewer, limit: Int) throws -> [GroupSummary] { [] }
    /// None.
    public func leaderboard(viewer: Viewer, limit: Int) throws -> [LeaderEntry] { [] }
    /// None.
    public func member(id: String, viewer: Viewer) throws -> MemberProfile? { nil }
    /// None.
    public func members(viewer: Viewer, limit: Int) throws -> [MemberProfile] { [] }
}
