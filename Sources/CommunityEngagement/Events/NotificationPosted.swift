public import CommunityModel
public import Foundation

/// A notice was put in a member's inbox.
public struct NotificationPosted: DomainEvent, Hashable {
    /// `"notification.posted"`.
    public static let name = "notification.posted"

    /// The notice.
    public let notificationID: ID<Notification>
    /// Whose inbox.
    public let recipientID: ID<User>
    /// What about.
    public let kind: NotificationKind
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(notificationID: ID<Notification>, recipientID: ID<User>, kind: NotificationKind, occurredAt: Date) {
        self.notificationID = notificationID
        self.recipientID = recipientID
        self.kind = kind
        self.occurredAt = occurredAt
    }
}
