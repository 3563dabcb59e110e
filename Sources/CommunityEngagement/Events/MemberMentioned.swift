public import CommunityModel
public import Foundation

/// A member was @mentioned (directly, or through a group they belong to).
public struct MemberMentioned: DomainEvent, Hashable {
    /// `"member.mentioned"`.
    public static let name = "member.mentioned"

    /// Where.
    public let subject: ContentRef
    /// Who was mentioned.
    public let memberID: ID<User>
    /// Who wrote the mention.
    public let mentionedBy: ID<User>
    /// The group mentioned, when the member was reached through it.
    public let viaGroup: ID<CommunityGroup>?
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(subject: ContentRef, memberID: ID<User>, mentionedBy: ID<User>, viaGroup: ID<CommunityGroup>?, occurredAt: Date) {
        self.subject = subject
        self.memberID = memberID
        self.mentionedBy = mentionedBy
        self.viaGroup = viaGroup
        self.occurredAt = occurredAt
    }
}
