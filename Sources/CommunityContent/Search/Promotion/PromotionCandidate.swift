/// An item an administrator can pin in a ``SearchPromotion``, with the title to choose it by:
/// what the promotions console's picker lists, and how it names the items already pinned.
public struct PromotionCandidate: Sendable, Hashable {
    /// The item (for an article, the article, not one of its language versions).
    public var item: SearchPromotion.Item
    /// Its title (an article's in the locale asked for when published there).
    public var title: String
    /// The locale of that title, if it has one.
    public var locale: String?

    /// Creates a candidate.
    public init(item: SearchPromotion.Item, title: String, locale: String? = nil) {
        self.item = item
        self.title = title
        self.locale = locale
    }
}
