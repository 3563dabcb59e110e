/// What a topic's page shows, as the viewer may see it.
public struct TopicPage: Sendable, Hashable {
    /// The topic.
    public var topic: Topic
    /// Visible articles with the topic.
    public var articles: [SearchHit]
    /// Visible questions and ideas with the topic.
    public var discussions: [SearchHit]
    /// Visible files with the topic.
    public var files: [SearchHit]
    /// The topic's most helpful members.
    public var experts: [TopicExpert]

    /// Creates a page.
    public init(topic: Topic, articles: [SearchHit], discussions: [SearchHit], files: [SearchHit], experts: [TopicExpert]) {
        self.topic = topic
        self.articles = articles
        self.discussions = discussions
        self.files = files
        self.experts = experts
    }
}
