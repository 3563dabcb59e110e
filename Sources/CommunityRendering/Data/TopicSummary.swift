/// A topic with how many items it tags.
public struct TopicSummary: Sendable, Hashable {
    /// The topic's name (its URL parameter).
    public var name: String
    /// A description.
    public var description: String
    /// How many items carry it.
    public var itemCount: Int

    /// A topic.
    public init(name: String, description: String = "", itemCount: Int = 0) {
        self.name = name
        self.description = description
        self.itemCount = itemCount
    }
}
