/// Size limits of article text, in characters.
public struct KnowledgeLimits: Sendable, Hashable {
    /// Longest title.
    public var title: Int = 255
    /// Longest summary.
    public var summary: Int = 1_000
    /// Longest body.
    public var body: Int = 131_072

    /// The defaults.
    public init() {}
}
