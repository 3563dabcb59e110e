public import CommunityModel

/// A keyword rule: when any keyword appears in content of the listed kinds, written by a member
/// of the listed kinds, the action applies.
public struct ModerationRule: Entity, Hashable {
    public static let entityType: EntityType = "ModerationRule"

    public var id: ID<ModerationRule>
    /// A name moderators recognise.
    public var name: String
    /// The words and phrases to look for.
    public var keywords: [Keyword]
    /// What happens on a match.
    public var action: ModerationAction
    /// The content it screens.
    public var contentKinds: Set<ContentKind>
    /// The member kinds it applies to (all when empty).
    public var memberKinds: Set<User.Kind>
    /// Inactive rules are kept but not applied.
    public var isActive: Bool

    /// Creates a rule.
    public init(
        id: ID<ModerationRule>, name: String, keywords: [Keyword], action: ModerationAction,
        contentKinds: Set<ContentKind> = Set(ContentKind.allCases), memberKinds: Set<User.Kind> = [],
        isActive: Bool = true
    ) {
        self.id = id
        self.name = name
        self.keywords = keywords
        self.action = action
        self.contentKinds = contentKinds
        self.memberKinds = memberKinds
        self.isActive = isActive
    }
}
