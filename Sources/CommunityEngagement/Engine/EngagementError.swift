public import CommunityModel
public import Foundation

/// What can go wrong in the Engagement services. Every case names what and where.
public enum EngagementError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No active member with this id.
    case unknownMember(ID<User>)
    /// No such content (or the viewer may not see it, which reads the same on purpose).
    case notFound(ContentRef)
    /// No such group (or not visible to the viewer).
    case unknownGroup(ID<CommunityGroup>)
    /// No such idea zone.
    case unknownZone(ID<IdeaZone>)
    /// The member may not do this; `action` says what was refused.
    case notAllowed(action: String, subject: String)
    /// A field is invalid.
    case invalid(ValidationError)
    /// Rich text was refused.
    case richText(RichTextError)
    /// A moderation rule refused the content.
    case blocked(rule: ID<ModerationRule>, keywords: [String])
    /// The member is frozen by a moderator or a rule and may not write.
    case memberFrozen(ID<User>)
    /// The member is suspended until the given time.
    case memberSuspended(ID<User>, until: Date)
    /// The group has reached its member limit.
    case groupFull(ID<CommunityGroup>, limit: Int)
    /// The group is archived: read-only.
    case groupArchived(ID<CommunityGroup>)
    /// A request conflicts with the current state (already a member, already merged…).
    case conflict(String)

    public var description: String {
        switch self {
        case .unknownMember(let id): "no active member \(id)"
        case .notFound(let ref): "\(ref) not found"
        case .unknownGroup(let id): "no group \(id)"
        case .unknownZone(let id): "no idea zone \(id)"
        case .notAllowed(let action, let subject): "not allowed to \(action) \(subject)"
        case .invalid(let e): e.description
        case .richText(let e): e.description
        case .blocked(let rule, let keywords): "blocked by moderation rule \(rule) (\(keywords.joined(separator: ", ")))"
        case .memberFrozen(let id): "member \(id) is frozen"
        case .memberSuspended(let id, let until): "member \(id) is suspended until \(until)"
        case .groupFull(let id, let limit): "group \(id) is full (\(limit) members)"
        case .groupArchived(let id): "group \(id) is archived"
        case .conflict(let detail): detail
        }
    }
}
