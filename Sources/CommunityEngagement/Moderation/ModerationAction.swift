/// What a keyword rule does when its keywords appear.
public enum ModerationAction: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Publish with the keywords replaced by asterisks.
    case mask
    /// Publish, but put the item in the moderation queue for review (hidden until approved).
    case flag
    /// Refuse the content.
    case block
    /// Refuse the content and freeze the member (no more posting until a moderator unfreezes).
    case freeze

    /// Severity order: mask < flag < block < freeze.
    public static func < (lhs: ModerationAction, rhs: ModerationAction) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
