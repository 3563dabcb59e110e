/// A group in a list.
public struct GroupSummary: Sendable, Hashable {
    /// The group's id.
    public var id: String
    /// The name.
    public var name: String
    /// Members.
    public var memberCount: Int
    /// `public`, `private` or `unlisted`.
    public var access: String

    /// A group.
    public init(id: String, name: String, memberCount: Int, access: String) {
        self.id = id
        self.name = name
        self.memberCount = memberCount
        self.access = access
    }
}
