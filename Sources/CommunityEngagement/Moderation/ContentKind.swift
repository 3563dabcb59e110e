/// The kinds of member-written content moderation rules apply to.
public enum ContentKind: String, Hashable, Sendable, Codable, CaseIterable {
    case post, comment, question, answer, idea, fileTitle, memberName
}
