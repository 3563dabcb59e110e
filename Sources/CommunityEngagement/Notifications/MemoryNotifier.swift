public import CommunityModel
import Synchronization

/// A ``Notifier`` that keeps every e-mail in memory instead of sending it: the default of a
/// `Community`, for tests, demonstrations and hosts that read the e-mails and deliver them
/// themselves (`community.notifier as? MemoryNotifier`).
///
/// It accepts every e-mail, unless a recipient is in ``failingRecipients``, for whom it throws
/// ``MemoryNotifier/DeliveryFailed`` as a real mail server might; their notices stay queued.
public final class MemoryNotifier: Notifier {
    /// The error thrown for a recipient in ``failingRecipients``.
    public struct DeliveryFailed: Error, Equatable, CustomStringConvertible {
        /// The recipient the e-mail was for.
        public var recipientID: ID<User>
        /// A description naming the recipient.
        public var description: String { "delivery to \(recipientID) failed" }
    }

    private let state = Mutex<(sent: [NotificationEmail], failing: Set<ID<User>>)>(([], []))

    /// An empty notifier that accepts every e-mail.
    public init() {}

    /// Keeps the e-mail, or throws ``DeliveryFailed`` for a failing recipient.
    public func send(_ email: NotificationEmail) throws {
        try state.withLock { state throws(DeliveryFailed) in
            if state.failing.contains(email.recipientID) { throw DeliveryFailed(recipientID: email.recipientID) }
            state.sent.append(email)
        }
    }

    /// Every e-mail accepted so far, oldest first.
    public var sent: [NotificationEmail] { state.withLock { $0.sent } }

    /// The e-mails accepted for one member, oldest first.
    public func sent(to member: ID<User>) -> [NotificationEmail] { sent.filter { $0.recipientID == member } }

    /// Recipients whose deliveries fail (empty by default), to rehearse a mail outage.
    public var failingRecipients: Set<ID<User>> {
        get { state.withLock { $0.failing } }
        set { state.withLock { $0.failing = newValue } }
    }
}
