public import CommunityModel
public import Foundation

/// An owner or manager approved or declined a join request.
public struct JoinRequestDecided: DomainEvent, Hashable {
    /// `"group.joinRequestDecided"`.
    public static let name = "group.joinRequestDecided"

    /// The group.
    public let groupID: ID<CommunityGroup>
    /// Who asked.
    public let memberID: ID<User>
    /// Whether approved.
    public let approved: Bool
    /// Who decided.
    public let decidedBy: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(groupID: ID<CommunityGroup>, memberID: ID<User>, approved: Bool, decidedBy: ID<User>, occurredAt: Date) {
        self.groupID = groupID
        self.memberID = memberID
        self.approved = approved
        self.decidedBy = decidedBy
        self.occurredAt = occurredAt
    }
}
