public import CommunityModel
public import Foundation

/// An idea was submitted.
public struct IdeaSubmitted: DomainEvent, Hashable {
    /// `"idea.submitted"`.
    public static let name = "idea.submitted"

    /// The idea.
    public let ideaID: ID<Idea>
    /// Its zone.
    public let zoneID: ID<IdeaZone>
    /// Who submitted it.
    public let authorID: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(ideaID: ID<Idea>, zoneID: ID<IdeaZone>, authorID: ID<User>, occurredAt: Date) {
        self.ideaID = ideaID
        self.zoneID = zoneID
        self.authorID = authorID
        self.occurredAt = occurredAt
    }
}
