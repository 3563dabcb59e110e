public import Foundation

/// One entry of the moderation audit log.
public struct ModerationLogLine: Sendable, Hashable {
    /// Who acted: a moderator's public name, or empty for an automatic rule.
    public var actor: String
    /// What was done ("approved", "removed", "edited", "flagged", …).
    public var action: String
    /// What it was done to.
    public var subject: String
    /// The reason or detail.
    public var detail: String
    /// When.
    public var at: Date

    /// A line.
    public init(actor: String, action: String, subject: String, detail: String, at: Date) {
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
        self.at = at
    }
}
