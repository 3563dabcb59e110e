/// A page of a site: a slug under its parent, a layout, who may see it, audience-chosen
/// variations and search-engine metadata.
public struct Page: Sendable, Hashable, Codable {
    /// Who may see a page.
    public enum Visibility: Sendable, Hashable, Codable {
        /// Everyone the site lets in, guests included.
        case `public`
        /// Signed-in members only.
        case members
        /// Members of an audience only.
        case audience(String)
        /// Everyone, guests included, even on a site closed to guests: the pages people sign in,
        /// reset a password and verify an address on.
        case everyone
    }

    /// A layout shown instead of the default to an audience.
    public struct Variation: Sendable, Hashable, Codable {
        /// The variation's name.
        public var name: String
        /// Who sees it.
        public var audienceID: String
        /// Its layout.
        public var layout: PageLayout

        /// A variation.
        public init(name: String, audienceID: String, layout: PageLayout) {
            self.name = name
            self.audienceID = audienceID
            self.layout = layout
        }
    }

    /// Title and description for search engines and link previews.
    public struct SEO: Sendable, Hashable, Codable {
        /// The `<title>`; the page title when `nil`.
        public var title: String?
        /// The meta description.
        public var description: String?
        /// Keep the page out of search engines and the sitemap.
        public var noIndex: Bool

        /// Metadata.
        public init(title: String? = nil, description: String? = nil, noIndex: Bool = false) {
            self.title = title
            self.description = description
            self.noIndex = noIndex
        }
    }

    /// Unique within the site.
    public var id: String
    /// The page's title.
    public var title: String
    /// The path segment; empty only for the home page.
    public var slug: String
    /// The parent page; `nil` at the top level.
    public var parentID: String?
    /// For object pages, the parameter taken from the last path segment (`id`, `slug`, `name`, `member`).
    public var parameter: String?
    /// For object pages, the kind of object shown (`Case`, `Article`, `Topic`, `User`, `Question`).
    public var objectType: String?
    /// Who may see the page.
    public var visibility: Visibility
    /// The default layout.
    public var layout: PageLayout
    /// Audience-specific layouts; the one whose audience has most criteria wins.
    public var variations: [Variation]
    /// Search-engine metadata.
    public var seo: SEO

    /// A page.
    public init(
        id: String, title: String, slug: String, parentID: String? = nil, parameter: String? = nil,
        objectType: String? = nil, visibility: Visibility = .public, layout: PageLayout = .empty,
        variations: [Variation] = [], seo: SEO = SEO()
    ) {
        self.id = id
        self.title = title
        self.slug = slug
        self.parentID = parentID
        self.parameter = parameter
        self.objectType = objectType
        self.visibility = visibility
        self.layout = layout
        self.variations = variations
        self.seo = seo
    }

    /// Whether a slug is well formed: lower-case letters of any script, digits and `-`.
    public static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.count <= 80 && slug.first != "-"
            && slug.unicodeScalars.allSatisfy { s in
                ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-"
                    || (s.value > 0x7F && s.properties.isAlphabetic && !s.properties.isUppercase)
            }
    }
}
