/// Settings a host tunes: reputation points and levels, escalation rules, content limits.
public struct EngagementConfiguration: Sendable {
    /// Points per action, daily caps, levels.
    public var reputation: ReputationRules
    /// When unanswered questions become support cases.
    public var escalationRules: [EscalationRule]
    /// The longest title (questions, ideas), in characters.
    public var maxTitleLength: Int
    /// The most topics on one post.
    public var maxTopics: Int
    /// The most choices in a poll.
    public var maxPollChoices: Int
    /// How many similar questions and articles to suggest while asking.
    public var suggestionCount: Int
    /// The rich-text allowlist.
    public var richText: RichTextPolicy

    /// Creates a configuration; every parameter has a sensible default.
    public init(
        reputation: ReputationRules = .standard, escalationRules: [EscalationRule] = [], maxTitleLength: Int = 255,
        maxTopics: Int = 10, maxPollChoices: Int = 10, suggestionCount: Int = 5, richText: RichTextPolicy = .standard
    ) {
        self.reputation = reputation
        self.escalationRules = escalationRules
        self.maxTitleLength = maxTitleLength
        self.maxTopics = maxTopics
        self.maxPollChoices = maxPollChoices
        self.suggestionCount = suggestionCount
        self.richText = richText
    }
}
