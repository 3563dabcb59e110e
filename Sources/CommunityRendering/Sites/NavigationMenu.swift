/// A navigation menu of a site, whose items may be limited to audiences.
public struct NavigationMenu: Sendable, Hashable, Codable {
    /// One entry.
    public struct Item: Sendable, Hashable, Codable {
        /// Where an item leads.
        public enum Target: Sendable, Hashable, Codable {
            /// A page of the site.
            case page(String)
            /// Any safe URL.
            case url(SafeURL)
        }

        /// The label.
        public var label: String
        /// The destination.
        public var target: Target
        /// When set, only this audience sees the item.
        public var audienceID: String?
        /// Nested items.
        public var children: [Item]

        /// An item.
        public init(_ label: String, _ target: Target, audienceID: String? = nil, children: [Item] = []) {
            self.label = label
            self.target = target
            self.audienceID = audienceID
            self.children = children
        }
    }

    /// How deeply items may nest (a top-level item is level 1); the header renders items recursively.
    public static let maximumDepth = 4

    /// Unique within the site.
    public var id: String
    /// Items in order.
    public var items: [Item]

    /// A menu.
    public init(id: String, items: [Item]) {
        self.id = id
        self.items = items
    }
}
