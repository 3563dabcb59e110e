public import Foundation

/// Content waiting for a moderator's decision.
public struct ModerationQueueItem: Sendable, Hashable {
    /// The moderation case's id (what the decision forms post).
    public var id: String
    /// What the content is ("question", "answer", "post", "comment", "idea", …).
    public var kind: String
    /// Its author's public name.
    public var author: String
    /// Its current text, plain.
    public var text: String
    /// Why it is in the queue: `flagged: <the member's reason>`, or a rule's code (`keywordRule`,
    /// `preModeration`, `rateLimit`), which the queue shows in the viewer's language.
    public var reasons: [String]
    /// When it entered the queue.
    public var opened: Date

    /// An item.
    public init(id: String, kind: String, author: String, text: String, reasons: [String], opened: Date) {
        self.id = id
        self.kind = kind
        self.author = author
        self.text = text
        self.reasons = reasons
        self.opened = opened
    }
}
