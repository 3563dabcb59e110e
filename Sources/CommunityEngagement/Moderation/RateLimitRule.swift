public import CommunityModel

/// Limits how much a member may write: more than ``maxItems`` items within ``windowMinutes``
/// minutes triggers the action.
public struct RateLimitRule: Entity, Hashable {
    public static let entityType: EntityType = "RateLimitRule"

    /// What happens past the limit.
    public enum Action: String, Hashable, Sendable, Codable {
        /// The item is published and moderators are notified (once per window).
        case notify
        /// The item is refused and the member frozen.
        case freeze
    }

    public var id: ID<RateLimitRule>
    /// A name moderators recognise.
    public var name: String
    /// The member kinds it applies to (all when empty).
    public var memberKinds: Set<User.Kind>
    /// The content it counts.
    public var contentKinds: Set<ContentKind>
    /// Items allowed within the window.
    public var maxItems: Int
    /// The window, in minutes.
    public var windowMinutes: Double
    /// What happens past the limit.
    public var action: Action

    /// Creates a rate limit.
    public init(
        id: ID<RateLimitRule>, name: String, memberKinds: Set<User.Kind> = [],
        contentKinds: Set<ContentKind> = Set(ContentKind.allCases), maxItems: Int, windowMinutes: Double,
        action: Action
    ) {
        self.id = id
        self.name = name
        self.memberKinds = memberKinds
        self.contentKinds = contentKinds
        self.maxItems = maxItems
        self.windowMinutes = windowMinutes
        self.action = action
    }
}
