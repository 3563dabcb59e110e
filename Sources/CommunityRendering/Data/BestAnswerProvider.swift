/// The answers of a question the viewer may choose the best one from.
public protocol BestAnswerProvider: Sendable {
    /// The published answers, when the viewer may choose the best one (the asker or a
    /// moderator); `nil` for everyone else or a question the viewer cannot see.
    func bestAnswerChoices(questionID: String, viewer: Viewer) throws -> [AnswerChoice]?
}
