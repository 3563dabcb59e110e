public import CommunityModel

/// Topic names resolved to live topics, read from one snapshot: the one place where a name
/// other layers keep as text (a question's topics) becomes a ``Topic``.
public struct TopicNames: Sendable {
    private var byName: [String: ID<Topic>] = [:]

    /// Reads every topic; names of merged topics lead to the topic they were merged into.
    public init(in reader: any StoreReader) throws {
        let topics = try reader.all(Topic.self).map(\.value)
        let byID = Dictionary(topics.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for topic in topics {
            var current = topic
            var hops = 0
            while let next = current.mergedInto, let target = byID[next], hops < 16 {
                current = target
                hops += 1
            }
            guard current.mergedInto == nil else { continue }
            // A live topic's own name wins over a merged topic's old name.
            if topic.mergedInto == nil || byName[topic.normalizedName] == nil { byName[topic.normalizedName] = current.id }
        }
    }

    /// The live topic with this folded name.
    public func topic(folded: String) -> ID<Topic>? { byName[folded] }

    /// The live topics these names mean (any case), without duplicates, in order; unknown names are skipped.
    public func topics(named names: [String]) -> [ID<Topic>] {
        var seen = Set<ID<Topic>>()
        return names.compactMap { byName[Topic.normalize($0)] }.filter { seen.insert($0).inserted }
    }
}
