public import CommunityModel

/// One e-mail a host should send: a single notice (immediate) or a digest of several.
public struct NotificationEmail: Sendable, Hashable {
    /// The member to write to.
    public var recipientID: ID<User>
    /// Their e-mail address.
    public var address: String
    /// Immediate, daily or weekly.
    public var frequency: EmailFrequency
    /// The notices, oldest first.
    public var notifications: [Notification]

    /// Creates an e-mail.
    public init(recipientID: ID<User>, address: String, frequency: EmailFrequency, notifications: [Notification]) {
        self.recipientID = recipientID
        self.address = address
        self.frequency = frequency
        self.notifications = notifications
    }
}

/// Where the engine hands e-mail to the host (SMTP, a mail API, a queue).
///
/// Delivery failures throw; the notices stay queued and go out with the next run.
public protocol Notifier: Sendable {
    /// Sends one e-mail.
    func send(_ email: NotificationEmail) throws
}
