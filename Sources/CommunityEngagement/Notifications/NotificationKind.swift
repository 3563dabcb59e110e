/// What a notice is about; members set preferences per kind.
public enum NotificationKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Someone @mentioned you (or a group you belong to).
    case mention
    /// Someone answered your question (or one you follow).
    case answer
    /// Your answer was chosen as best.
    case bestAnswer
    /// An idea you wrote or voted on changed status.
    case ideaStatusChanged
    /// A support case of yours was updated (posted by the Service module).
    case caseUpdated
    /// Someone commented on your post.
    case comment
    /// A join request for a group you manage, or a decision on yours.
    case groupRequest
    /// You earned a badge or a level.
    case recognition
    /// Moderation news: your content was held, removed or approved.
    case moderation
    /// Approvals and anything else a host or module posts.
    case other
}
