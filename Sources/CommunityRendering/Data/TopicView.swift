/// A topic's page as the viewer may see it: its items of each kind and exact counts.
public struct TopicView: Sendable, Hashable {
    /// The topic's name.
    public var name: String
    /// Its description.
    public var description: String
    /// The listed items of each kind, newest and most popular first.
    public var items: [SearchItemKind: [SearchResultItem]]
    /// How many visible items of each kind carry the topic (not only those listed).
    public var counts: [SearchItemKind: Int]
    /// The topic's experts, best first.
    public var experts: [LeaderEntry]

    /// Creates a view.
    public init(
        name: String, description: String = "", items: [SearchItemKind: [SearchResultItem]], counts: [SearchItemKind: Int],
        experts: [LeaderEntry] = []
    ) {
        self.name = name
        self.description = description
        self.items = items
        self.counts = counts
        self.experts = experts
    }
}
