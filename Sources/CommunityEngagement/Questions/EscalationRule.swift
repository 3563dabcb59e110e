/// When an unanswered question becomes a support case: after ``unansweredAfterHours`` hours
/// without an answer, or at once when its title or body contains one of ``keywords``.
/// ``topics`` narrows the rule to questions filed under one of them (all questions when empty).
public struct EscalationRule: Hashable, Sendable, Codable {
    /// A name for the audit trail.
    public var name: String
    /// Hours without an answer after which the question escalates (`nil`: no time trigger).
    public var unansweredAfterHours: Double?
    /// Keywords that escalate a question as soon as it is asked (same matching as moderation).
    public var keywords: [Keyword]
    /// Topics the rule covers (normalised); empty for every question.
    public var topics: Set<String>

    /// Creates a rule.
    public init(name: String, unansweredAfterHours: Double? = nil, keywords: [Keyword] = [], topics: Set<String> = []) {
        self.name = name
        self.unansweredAfterHours = unansweredAfterHours
        self.keywords = keywords
        self.topics = Set(topics.map(Topics.normalise))
    }

    /// Whether the rule covers a question with these topics.
    func covers(_ questionTopics: [String]) -> Bool {
        topics.isEmpty || questionTopics.contains { topics.contains($0) }
    }
}
