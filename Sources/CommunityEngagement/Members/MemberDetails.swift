public import CommunityModel
public import Foundation

/// What a member tells the community about themself beyond their name: a title, a short
/// "about me" and a photo (a file in Content's Files). Stored with the member's id.
public struct MemberDetails: Entity, Hashable {
    public static let entityType: EntityType = "MemberDetails"

    /// Same string as the member's id.
    public var id: ID<MemberDetails>
    /// The member.
    public var memberID: ID<User>
    /// Title or role text ("Solutions engineer"); empty when none.
    public var title: String
    /// About me, plain text; empty when none.
    public var about: String
    /// The photo's file id, if the member uploaded one.
    public var photoFileID: String?
    /// When the member last changed any of it.
    public var updatedAt: Date?

    /// Details of a member (empty by default).
    public init(memberID: ID<User>, title: String = "", about: String = "", photoFileID: String? = nil, updatedAt: Date? = nil) {
        self.id = memberID.retyped()
        self.memberID = memberID
        self.title = title
        self.about = about
        self.photoFileID = photoFileID
        self.updatedAt = updatedAt
    }

    /// The longest public name.
    public static let maxName = 40
    /// The longest title.
    public static let maxTitle = 80
    /// The longest "about me".
    public static let maxAbout = 1_000
}
