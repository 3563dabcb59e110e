public import Foundation

/// An open case waiting in a queue, as the case queue component lists it.
public struct QueuedCaseSummary: Sendable, Hashable {
    /// The case id.
    public var id: String
    /// The case's subject.
    public var subject: String
    /// The queue's name.
    public var queue: String
    /// The case's priority (`low`, `medium`, `high`, `critical`).
    public var priority: String
    /// When the case was opened.
    public var opened: Date

    /// A summary.
    public init(id: String, subject: String, queue: String, priority: String, opened: Date) {
        self.id = id
        self.subject = subject
        self.queue = queue
        self.priority = priority
        self.opened = opened
    }
}
