/// The look of a site: brand colours, fonts, logo, spacing, corner radius and header and
/// footer variants, emitted as CSS custom properties.
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
    /// The base spacing unit in pixels.
    public var spacing: Int
    /// Corner radius in pixels.
    public var radius: Int
    /// Header variant.
    public var header: HeaderVariant
    /// Footer variant.
    public var footer: FooterVariant

    /// A theme.
    public init(
        name: String, primary: ThemeColor, onPrimary: ThemeColor = ThemeColor("#ffffff"),
        background: ThemeColor = ThemeColor("#ffffff"), text: ThemeColor = ThemeColor("#1b1b1f"),
        link: ThemeColor? = nil, surface: ThemeColor = ThemeColor("#f4f5f7"),
        bodyFonts: [String] = ["Inter", "Noto Sans KR"], headingFonts: [String]? = nil, logo: SafeURL? = nil,
        spacing: Int = 8, radius: Int = 6, header: HeaderVariant = .standard, footer: FooterVariant = .simple
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
    }

    /// The default theme: dark blue on white.
    public static let standard = Theme(name: "Standard", primary: ThemeColor("#0b5cab"))
    /// A dark-green partner theme.
    public static let partner = Theme(
        name: "Partner", primary: ThemeColor("#0f5132"), link: ThemeColor("#0a5c36"), header: .standard,
        footer: .columns)

    /// A pair of colours that must be readable together.
    public struct ContrastPair: Sendable, Hashable {
        /// Which use the pair serves, such as `text/background`.
        public let name: String
        /// The measured ratio.
        public let ratio: Double
    }

    /// Foreground/background pairs below WCAG AA (4.5:1 for body text).
    public var contrastFailures: [ContrastPair] {
        let pairs: [(String, ThemeColor, ThemeColor)] = [
            ("text/background", text, background),
            ("text/surface", text, surface),
            ("link/background", link, background),
            ("onPrimary/primary", onPrimary, primary),
        ]
        return pairs.compactMap { name, fg, bg in
            let ratio = fg.contrast(with: bg)
            return ratio < 4.5 ? ContrastPair(name: name, ratio: ratio) : nil
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
            --ck-font-heading:\(fonts(headingFonts));--ck-space:\(spacing)px;--ck-radius:\(radius)px}
            """
    }
}
