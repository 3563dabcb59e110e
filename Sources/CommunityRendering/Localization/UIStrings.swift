import Foundation
/// The text of the library's user interface, one table per locale: every heading, label,
/// button, notice and error message the built-in components, forms and actions print.
///
/// ``standard`` ships English (`en`), German (`de`) and Korean (`ko`), each with every key of
/// ``builtInKeys``. A host adds a locale of its own or overrides single strings, and hands the
/// result to the engine (`CommunityConfiguration.strings`):
///
/// ```swift
/// var strings = UIStrings.standard
/// strings.add(locale: "fr", ["signIn.submit": "Se connecter", /* every built-in key */])
/// strings.add(locale: "de", ["header.signIn": "Einloggen"])      // override one German string
/// #expect(strings.missingKeys(in: "fr").isEmpty)
/// ```
///
/// A lookup tries the exact locale (`de_CH`), then its language (`de`), then English, and last
/// prints the key itself, so a missing string is visible rather than silently English.
/// Text may carry named placeholders in braces (`"Signed in as {name}"`), filled by
/// ``text(_:locale:_:)``; values are plain text and escaped when rendered.
public struct UIStrings: Sendable, Hashable {
    private var tables: [String: [UIStringKey: String]]

    /// Tables by locale identifier (`en`, `de`, `ko`, `de_CH`).
    public init(_ tables: [String: [UIStringKey: String]] = [:]) {
        var normalized: [String: [UIStringKey: String]] = [:]
        for (locale, table) in tables { normalized[UIStrings.normalize(locale), default: [:]].merge(table) { $1 } }
        self.tables = normalized
    }

    /// The tables of single features (each keyed by locale), merged over the main tables.
    static let featureTables: [[String: [UIStringKey: String]]] = [UIStrings.synonymStrings, UIStrings.apiClients, UIStrings.apiTokens]

    /// English, German and Korean, complete.
    public static let standard = UIStrings([
        "en": withFeatures("en", UIStrings.englishAll.merging(UIStrings.managementEnglish) { $1 }),
        "de": withFeatures("de", UIStrings.german.merging(UIStrings.sitePages["de"] ?? [:]) { current, _ in current }.merging(UIStrings.managementGerman) { $1 }),
        "ko": withFeatures("ko", UIStrings.korean.merging(UIStrings.sitePages["ko"] ?? [:]) { current, _ in current }.merging(UIStrings.managementKorean) { $1 }),
    ])

    /// `table` with every feature table's entries for `locale` merged over it.
    private static func withFeatures(_ locale: String, _ table: [UIStringKey: String]) -> [UIStringKey: String] {
        featureTables.reduce(table) { merged, feature in merged.merging(feature[locale] ?? [:]) { $1 } }
    }

    /// Every key the library itself uses (the English table's keys), sorted.
    public static let builtInKeys: [UIStringKey] = featureTables.reduce(Set(UIStrings.englishAll.keys).union(UIStrings.managementEnglish.keys)) { keys, feature in
        keys.union((feature["en"] ?? [:]).keys)
    }.sorted()

    /// The locales with a table, sorted.
    public var locales: [String] { tables.keys.sorted() }

    /// Adds strings to a locale's table, replacing any with the same key (a new locale starts empty).
    public mutating func add(locale: String, _ strings: [UIStringKey: String]) {
        tables[UIStrings.normalize(locale), default: [:]].merge(strings) { $1 }
    }

    /// A copy with strings added to a locale's table, as ``add(locale:_:)``.
    public func adding(locale: String, _ strings: [UIStringKey: String]) -> UIStrings {
        var copy = self
        copy.add(locale: locale, strings)
        return copy
    }

    /// The table of a locale exactly as stored (no fallback), empty when there is none.
    public func table(_ locale: String) -> [UIStringKey: String] { tables[UIStrings.normalize(locale)] ?? [:] }

    /// The built-in keys a locale's table (with its language's table, for `de_CH`) lacks, sorted;
    /// empty when the locale is complete.
    public func missingKeys(in locale: String) -> [UIStringKey] {
        UIStrings.builtInKeys.filter { lookup($0, locale: locale, fallBack: false) == nil }
    }

    /// The text for `key` in `locale` (`de_DE` → `de_DE`, `de`, then `en`), or the key's raw value.
    public func text(_ key: UIStringKey, locale: String) -> String {
        lookup(key, locale: locale, fallBack: true) ?? key.rawValue
    }

    /// The text for `key` in `locale` with `{name}` placeholders replaced by `values["name"]`.
    public func text(_ key: UIStringKey, locale: String, _ values: [String: String]) -> String {
        var out = text(key, locale: locale)
        for (name, value) in values { out = out.replacingOccurrences(of: "{" + name + "}", with: value) }
        return out
    }

    /// The text for a count: `key` + `.one` when `count` is 1 and the locale (or its language)
    /// has that form ("1 answer"), else `key` ("3 answers"); `{count}` and the other
    /// placeholders filled. A locale without a `.one` form uses `key` for every count, and
    /// never another language's `.one` form.
    public func text(_ key: UIStringKey, locale: String, count: Int, _ values: [String: String] = [:]) -> String {
        var values = values
        values["count"] = "\(count)"
        if count == 1, let one = lookup(UIStringKey(rawValue: key.rawValue + ".one"), locale: locale, fallBack: false) {
            var out = one
            for (name, value) in values { out = out.replacingOccurrences(of: "{" + name + "}", with: value) }
            return out
        }
        return text(key, locale: locale, values)
    }

    /// The text for `key` in `locale` or its language only (no English fallback), or `nil`.
    public func textIfPresent(_ key: UIStringKey, locale: String) -> String? {
        lookup(key, locale: locale, fallBack: false)
    }

    /// Whether a locale or its language has a table (`de_AT` is covered by `de`).
    public func covers(_ locale: String) -> Bool {
        let normalized = UIStrings.normalize(locale)
        return tables[normalized] != nil || tables[UIStrings.language(of: normalized)] != nil
    }

    private func lookup(_ key: UIStringKey, locale: String, fallBack: Bool) -> String? {
        // The common case first, without building strings: `ko_KR` → `ko_KR`, then `ko`.
        if let text = tables[locale]?[key] { return text }
        let prefix = String(locale.prefix { $0 != "_" && $0 != "-" })
        if let text = tables[prefix]?[key] { return text }
        let normalized = UIStrings.normalize(locale)
        if normalized != locale, let text = tables[normalized]?[key] { return text }
        let language = UIStrings.language(of: normalized)
        if language != prefix, let text = tables[language]?[key] { return text }
        guard fallBack else { return nil }
        return tables["en"]?[key] ?? UIStrings.englishAll[key]
    }

    /// `de-DE` and `de_DE` → `de_DE`; the language lower-cased.
    static func normalize(_ locale: String) -> String {
        let parts = locale.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first else { return "" }
        return ([first.lowercased()] + parts.dropFirst().map(String.init)).joined(separator: "_")
    }

    /// The language part of a normalized locale (`de_DE` → `de`).
    static func language(of locale: String) -> String {
        String(locale.prefix { $0 != "_" })
    }
}
