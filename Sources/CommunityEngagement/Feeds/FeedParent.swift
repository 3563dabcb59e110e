public import CommunityModel

/// Where a post lives, which decides who may see it.
public enum FeedParent: Hashable, Sendable, Codable {
    /// On a member's profile (their own, or another member's): visible to every member.
    case member(ID<User>)
    /// On a CRM record: visible to those who can read the record.
    case record(RecordRef)
    /// In a group: public groups to every member, private and unlisted groups to members only.
    case group(ID<CommunityGroup>)

    /// The feed this parent names.
    public var feedKey: FeedKey {
        switch self {
        case .member(let u): .member(u)
        case .record(let r): .record(r)
        case .group(let g): .group(g)
        }
    }
}
