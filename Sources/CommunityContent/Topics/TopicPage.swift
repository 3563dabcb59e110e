/// What a topic's page shows, as the viewer may see it.
public struct TopicPage: Sendable, Hashable {
    /// The topic.
    public var topic: Topic
    /// Visible articles with the topic (one document per published locale).
    public var articles: [SearchHit]
    /// Visible questions with the topic.
    public var questions: [SearchHit]
    /// Visible ideas with the topic.
    public var ideas: [SearchHit]
    /// Visible feed posts (discussions) with the topic.
    public var discussions: [SearchHit]
    /// Visible files with the topic.
    public var files: [SearchHit]
    /// How many visible items of each type carry the topic (not only those listed).
    public var counts: [SearchDocumentType: Int]
    /// The topic's most helpful members.
    public var experts: [TopicExpert]

    /// Creates a page.
    public init(
        topic: Topic, articles: [SearchHit], questions: [SearchHit] = [], ideas: [SearchHit] = [], discussions: [SearchHit],
        files: [SearchHit], counts: [SearchDocumentType: Int] = [:], experts: [TopicExpert]
    ) {
        self.topic = topic
        self.articles = articles
        self.questions = questions
        self.ideas = ideas
        self.discussions = discussions
        self.files = files
        self.counts = counts
        self.experts = experts
    }

    /// How many visible items carry the topic, all types together.
    public var totalCount: Int { counts.values.reduce(0, +) }
}
