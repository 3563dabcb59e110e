public import CommunityModel
public import Foundation

/// The product team changed an idea's status.
public struct IdeaStatusChanged: DomainEvent, Hashable {
    /// `"idea.statusChanged"`.
    public static let name = "idea.statusChanged"

    /// The idea.
    public let ideaID: ID<Idea>
    /// The old status.
    public let from: IdeaStatus
    /// The new status.
    public let to: IdeaStatus
    /// Who changed it.
    public let changedBy: ID<User>
    /// The product team's comment.
    public let comment: String
    /// The idea's author.
    public let authorID: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(ideaID: ID<Idea>, from: IdeaStatus, to: IdeaStatus, changedBy: ID<User>, comment: String, authorID: ID<User>, occurredAt: Date) {
        self.ideaID = ideaID
        self.from = from
        self.to = to
        self.changedBy = changedBy
        self.comment = comment
        self.authorID = authorID
        self.occurredAt = occurredAt
    }
}
