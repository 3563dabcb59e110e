public import CommunityModel
public import Foundation

/// A member voted on an idea, changed or withdrew a vote.
public struct IdeaVoted: DomainEvent, Hashable {
    /// `"idea.voted"`.
    public static let name = "idea.voted"

    /// The idea.
    public let ideaID: ID<Idea>
    /// The voter.
    public let voterID: ID<User>
    /// +1, -1, or 0 when withdrawn.
    public let value: Int
    /// The vote before (0 when none).
    public let previous: Int
    /// The idea's author.
    public let authorID: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(ideaID: ID<Idea>, voterID: ID<User>, value: Int, previous: Int, authorID: ID<User>, occurredAt: Date) {
        self.ideaID = ideaID
        self.voterID = voterID
        self.value = value
        self.previous = previous
        self.authorID = authorID
        self.occurredAt = occurredAt
    }
}
