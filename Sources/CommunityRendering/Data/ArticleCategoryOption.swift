/// A data category an article may be filed under.
public struct ArticleCategoryOption: Sendable, Hashable {
    /// The category id.
    public var id: String
    /// The category's name.
    public var name: String

    /// An option.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
