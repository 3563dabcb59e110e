/// A whole article.
public struct ArticleDisplay: Sendable, Hashable {
    /// The summary fields.
    public var summary: ArticleCard
    /// The body.
    public var body: RichText
    /// "Was this helpful" votes: yes and no.
    public var helpfulYes: Int, helpfulNo: Int

    /// An article.
    public init(summary: ArticleCard, body: RichText, helpfulYes: Int = 0, helpfulNo: Int = 0) {
        self.summary = summary
        self.body = body
        self.helpfulYes = helpfulYes
        self.helpfulNo = helpfulNo
    }
}
