public import Foundation

/// A typed fact about a state change (a question answered, a case escalated), published
/// after the change commits so reputation, notifications, search and analytics can react.
public protocol DomainEvent: Sendable {
    /// A stable name such as `"question.answered"`.
    static var name: String { get }
    /// When it happened, by the engine's ``WallClock``.
    var occurredAt: Date { get }
}
