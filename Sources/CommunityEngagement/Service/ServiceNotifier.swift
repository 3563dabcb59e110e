public import CommunityModel
public import Foundation
import Synchronization

/// A message for a user's notifications inbox (escalations, approvals, lead offers).
public struct ServiceNotice: Hashable, Sendable, Codable {
    /// Who receives it.
    public var recipient: ID<User>
    /// Plain-text title.
    public var title: String
    /// The record it is about, as `EntityType` and id.
    public var recordType: EntityType
    /// The record's id.
    public var recordID: String
    /// When it was sent.
    public var sentAt: Date

    /// Creates a notice.
    public init(recipient: ID<User>, title: String, recordType: EntityType, recordID: String, sentAt: Date) {
        self.recipient = recipient
        self.title = title
        self.recordType = recordType
        self.recordID = recordID
        self.sentAt = sentAt
    }
}

/// Delivers notices; the host wires it to the Engagement notifications inbox, e-mail or push.
public protocol ServiceNotifier: Sendable {
    /// Delivers one notice. Called after the change that caused it has committed.
    func notify(_ notice: ServiceNotice)
}

/// A ``ServiceNotifier`` that keeps notices in memory, for tests and simple hosts.
public final class MemoryServiceNotifier: ServiceNotifier {
    private let notices = Mutex<[ServiceNotice]>([])

    /// Creates an empty notifier.
    public init() {}

    public func notify(_ notice: ServiceNotice) { notices.withLock { $0.append(notice) } }

    /// Every notice delivered so far, oldest first.
    public var delivered: [ServiceNotice] { notices.withLock { $0 } }

    /// Notices delivered to one user.
    public func delivered(to user: ID<User>) -> [ServiceNotice] { delivered.filter { $0.recipient == user } }
}
