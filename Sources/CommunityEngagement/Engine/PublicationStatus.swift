/// Whether member content is shown.
public enum PublicationStatus: String, Hashable, Sendable, Codable {
    /// Visible to its audience.
    case published
    /// Waiting for a moderator (flagged by a rule, or pre-moderated); only its author and
    /// moderators see it.
    case pendingReview
    /// Removed by a moderator.
    case removed
    /// Deleted by its author (kept with its history).
    case deleted
}
