/// The moderation queue and audit log, for moderators only.
public protocol ModerationProvider: Sendable {
    /// The open queue, oldest first; `nil` when the viewer is not a moderator.
    func moderationQueue(viewer: Viewer) throws -> [ModerationQueueItem]?
    /// The latest audit log entries, newest first; empty for non-moderators.
    func moderationLog(viewer: Viewer, limit: Int) throws -> [ModerationLogLine]
}
