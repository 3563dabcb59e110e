public import CommunityModel

/// A member's notification settings per kind: in the inbox or not, and e-mail frequency.
public struct NotificationPreferences: Entity, Hashable {
    public static let entityType: EntityType = "NotificationPreferences"

    /// Same string as the member's id.
    public var id: ID<NotificationPreferences>
    public var memberID: ID<User>
    /// Kinds the member turned off in the inbox.
    public var mutedInApp: Set<NotificationKind>
    /// E-mail frequency per kind; kinds not listed get no e-mail.
    public var email: [NotificationKind: EmailFrequency]

    /// The defaults: everything in the inbox, a daily digest of mentions, answers and case updates.
    public init(
        memberID: ID<User>, mutedInApp: Set<NotificationKind> = [],
        email: [NotificationKind: EmailFrequency] = [.mention: .daily, .answer: .daily, .bestAnswer: .daily, .caseUpdated: .immediate]
    ) {
        self.id = memberID.retyped()
        self.memberID = memberID
        self.mutedInApp = mutedInApp
        self.email = email
    }
}
