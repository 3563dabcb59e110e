/// The look of a site: brand colours, fonts, logo and favicon, design tokens (spacing, type
/// scale, radii, elevation), header and footer variants and footer links, emitted as CSS
/// custom properties that ``Stylesheet`` is written against.
public struct Theme: Sendable, Hashable, Codable {
    /// The header style.
    public enum HeaderVariant: String, Sendable, Hashable, Codable, CaseIterable {
        /// Logo and navigation on one bar.
        case standard
        /// A tall header with a search box.
        case hero
        /// A compact bar.
        case compact
    }

    /// The footer style.
    public enum FooterVariant: String, Sendable, Hashable, Codable, CaseIterable {
        /// One line.
        case simple
        /// Columns of links.
        case columns
    }

    /// The theme's name.
    public var name: String
    /// Brand colour for buttons and the header.
    public var primary: ThemeColor
    /// Text on the brand colour.
    public var onPrimary: ThemeColor
    /// Page background.
    public var background: ThemeColor
    /// Body text.
    public var text: ThemeColor
    /// Links.
    public var link: ThemeColor
    /// Secondary surfaces (cards).
    public var surface: ThemeColor
    /// Body font families, first choice first; letters, digits, spaces and `-` only.
    public var bodyFonts: [String]
    /// Heading font families.
    public var headingFonts: [String]
    /// The logo image.
    public var logo: SafeURL?
    /// The base spacing unit in pixels (`--ck-space`): the grid's gutters are three units.
    /// The finer spacing scale is ``tokens``' ``DesignTokens/space``.
    public var spacing: Int
    /// Corner radius of buttons and menu toggles in pixels (`--ck-radius`); inputs, cards and
    /// other surfaces take ``tokens``' ``DesignTokens/radii``.
    public var radius: Int
    /// Header variant.
    public var header: HeaderVariant
    /// Footer variant.
    public var footer: FooterVariant
    /// Secondary text (dates, captions, hints); must stay readable on the background and surface.
    public var muted: ThemeColor
    /// Borders of inputs, cards and tables; must reach 3:1 against the background (WCAG 1.4.11).
    public var border: ThemeColor
    /// The keyboard focus ring; must reach 3:1 against the background and the surface.
    public var focus: ThemeColor
    /// Error messages and destructive actions; must stay readable on the background.
    public var danger: ThemeColor
    /// Spacing scale, type scale, radii and elevations.
    public var tokens: DesignTokens
    /// The site's icon (`<link rel="icon">`), usually an asset of the site's ``AssetStore``.
    public var favicon: SafeURL?
    /// Links the footer shows next to the site's name (imprint, privacy, contact).
    public var footerLinks: [FooterLink]

    /// A labelled link of the footer.
    public struct FooterLink: Sendable, Hashable, Codable {
        /// The visible label.
        public var label: String
        /// Where it leads.
        public var url: SafeURL

        /// A footer link.
        public init(_ label: String, _ url: SafeURL) {
            self.label = label
            self.url = url
        }
    }

    /// A theme.
    public init(
        name: String, primary: ThemeColor, onPrimary: ThemeColor = ThemeColor("#ffffff"),
        background: ThemeColor = ThemeColor("#ffffff"), text: ThemeColor = ThemeColor("#1b1b1f"),
        link: ThemeColor? = nil, surface: ThemeColor = ThemeColor("#f4f5f7"),
        bodyFonts: [String] = ["Inter", "Noto Sans KR"], headingFonts: [String]? = nil, logo: SafeURL? = nil,
        spacing: Int = 8, radius: Int = 6, header: HeaderVariant = .standard, footer: FooterVariant = .simple,
        muted: ThemeColor = ThemeColor("#5b6170"), border: ThemeColor = ThemeColor("#8a909c"), focus: ThemeColor? = nil,
        danger: ThemeColor = ThemeColor("#b3261e"), tokens: DesignTokens = .standard, favicon: SafeURL? = nil,
        footerLinks: [FooterLink] = []
    ) {
        self.name = name
        self.primary = primary
        self.onPrimary = onPrimary
        self.background = background
        self.text = text
        self.link = link ?? primary
        self.surface = surface
        self.bodyFonts = bodyFonts
        self.headingFonts = headingFonts ?? bodyFonts
        self.logo = logo
        self.spacing = spacing
        self.radius = radius
        self.header = header
        self.footer = footer
        self.muted = muted
        self.border = border
        self.focus = focus ?? primary
        self.danger = danger
        self.tokens = tokens
        self.favicon = favicon
        self.footerLinks = footerLinks
    }

    private enum CodingKeys: String, CodingKey {
        case name, primary, onPrimary, background, text, link, surface, bodyFonts, headingFonts, logo, spacing, radius, header, footer
        case muted, border, focus, danger, tokens, favicon, footerLinks
    }

    /// Decodes a theme; the colours, tokens and links added after the first bundles take their
    /// defaults when missing, so older bundles still load.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let fallback = Theme(name: "", primary: ThemeColor("#0b5cab"))
        name = try c.decode(String.self, forKey: .name)
        primary = try c.decode(ThemeColor.self, forKey: .primary)
        onPrimary = try c.decode(ThemeColor.self, forKey: .onPrimary)
        background = try c.decode(ThemeColor.self, forKey: .background)
        text = try c.decode(ThemeColor.self, forKey: .text)
        link = try c.decode(ThemeColor.self, forKey: .link)
        surface = try c.decode(ThemeColor.self, forKey: .surface)
        bodyFonts = try c.decode([String].self, forKey: .bodyFonts)
        headingFonts = try c.decode([String].self, forKey: .headingFonts)
        logo = try c.decodeIfPresent(SafeURL.self, forKey: .logo)
        spacing = try c.decode(Int.self, forKey: .spacing)
        radius = try c.decode(Int.self, forKey: .radius)
        header = try c.decode(HeaderVariant.self, forKey: .header)
        footer = try c.decode(FooterVariant.self, forKey: .footer)
        muted = try c.decodeIfPresent(ThemeColor.self, forKey: .muted) ?? fallback.muted
        border = try c.decodeIfPresent(ThemeColor.self, forKey: .border) ?? fallback.border
        focus = try c.decodeIfPresent(ThemeColor.self, forKey: .focus) ?? primary
        danger = try c.decodeIfPresent(ThemeColor.self, forKey: .danger) ?? fallback.danger
        tokens = try c.decodeIfPresent(DesignTokens.self, forKey: .tokens) ?? .standard
        favicon = try c.decodeIfPresent(SafeURL.self, forKey: .favicon)
        footerLinks = try c.decodeIfPresent([FooterLink].self, forKey: .footerLinks) ?? []
    }

    /// The default theme: dark blue on white.
    public static let standard = Theme(name: "Standard", primary: ThemeColor("#0b5cab"))
    /// A dark-green partner theme.
    public static let partner = Theme(
        name: "Partner", primary: ThemeColor("#0f5132"), link: ThemeColor("#0a5c36"), surface: ThemeColor("#f3f6f4"),
        header: .standard, footer: .columns, muted: ThemeColor("#56605a"), border: ThemeColor("#86918a"))

    /// A pair of colours that must be readable together.
    public struct ContrastPair: Sendable, Hashable {
        /// Which use the pair serves, such as `text/background`.
        public let name: String
        /// The measured ratio.
        public let ratio: Double
    }

    /// Foreground/background pairs below WCAG AA: 4.5:1 for text (body, secondary, links,
    /// errors, button labels), 3:1 for the non-text borders and focus ring (WCAG 1.4.11).
    public var contrastFailures: [ContrastPair] {
        let pairs: [(String, ThemeColor, ThemeColor, Double)] = [
            ("text/background", text, background, 4.5),
            ("text/surface", text, surface, 4.5),
            ("link/background", link, background, 4.5),
            ("link/surface", link, surface, 4.5),
            ("onPrimary/primary", onPrimary, primary, 4.5),
            ("muted/background", muted, background, 4.5),
            ("muted/surface", muted, surface, 4.5),
            ("danger/background", danger, background, 4.5),
            ("danger/surface", danger, surface, 4.5),
            ("border/background", border, background, 3),
            ("focus/background", focus, background, 3),
            ("focus/surface", focus, surface, 3),
        ]
        return pairs.compactMap { name, fg, bg, minimum in
            let ratio = fg.contrast(with: bg)
            return ratio < minimum ? ContrastPair(name: name, ratio: ratio) : nil
        }
    }

    /// Problems with the theme's free-form values (fonts, sizes).
    public var issues: [String] {
        var issues: [String] = []
        for font in bodyFonts + headingFonts where !Theme.isSafeFontName(font) {
            issues.append("font name \"\(font)\" may only contain letters, digits, spaces and -")
        }
        if !(0...64).contains(spacing) { issues.append("spacing \(spacing) is outside 0–64") }
        if !(0...64).contains(radius) { issues.append("radius \(radius) is outside 0–64") }
        issues += tokens.issues
        for link in footerLinks where link.label.isEmpty || link.label.count > 100 {
            issues.append("footer link label \"\(link.label.prefix(100))\" must have 1–100 characters")
        }
        return issues
    }

    static func isSafeFontName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == " " || $0 == "-" }
    }

    /// The theme as CSS custom properties on `:root`.
    public var customProperties: String {
        func fonts(_ names: [String]) -> String {
            (names.filter(Theme.isSafeFontName).map { "\"\($0)\"" } + ["system-ui", "sans-serif"]).joined(separator: ", ")
        }
        let spacing = min(max(spacing, 0), 64)
        let radius = min(max(radius, 0), 64)
        return """
            :root{--ck-primary:\(primary);--ck-on-primary:\(onPrimary);--ck-background:\(background);\
            --ck-text:\(text);--ck-link:\(link);--ck-surface:\(surface);--ck-font-body:\(fonts(bodyFonts));\
            --ck-font-heading:\(fonts(headingFonts));--ck-space:\(spacing)px;--ck-radius:\(radius)px;\
            --ck-muted:\(muted);--ck-border:\(border);--ck-focus:\(focus);--ck-danger:\(danger);\(tokens.declarations)}
            """
    }
}
