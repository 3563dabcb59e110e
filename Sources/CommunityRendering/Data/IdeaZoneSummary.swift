/// An idea zone members post ideas into.
public struct IdeaZoneSummary: Sendable, Hashable {
    /// The zone id.
    public var id: String
    /// The zone's name.
    public var name: String

    /// A summary.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
