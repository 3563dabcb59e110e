import Foundation

/// Text in several languages, such as a field's label: `["en": "Stage", "de": "Phase", "ko": "단계"]`.
///
/// Keys are locale identifiers (`de_DE`) or bare languages (`de`). ``text(for:)`` looks for the
/// exact locale, then its language, then English, so a host adds a language by adding a key.
public struct LocalizedText: Hashable, Sendable, Codable, ExpressibleByDictionaryLiteral, ExpressibleByStringLiteral {
    /// The texts by locale or language key.
    public private(set) var translations: [String: String]

    /// Texts by locale or language key; blank texts are ignored.
    public init(_ translations: [String: String] = [:]) {
        self.translations = [:]
        for (key, text) in translations { self[key] = text }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The same text in every language (the English entry).
    public init(stringLiteral value: String) { self.init(["en": value]) }

    /// Whether no language has a text.
    public var isEmpty: Bool { translations.isEmpty }

    /// The text stored under a locale or language key; setting `nil` or blank text removes it.
    public subscript(key: String) -> String? {
        get { translations[Self.normalize(key)] }
        set {
            let key = Self.normalize(key)
            if let newValue, !newValue.allSatisfy(\.isWhitespace) { translations[key] = newValue } else { translations[key] = nil }
        }
    }

    /// The text for `locale` (`de_DE`, `de-AT`, `ko`): the exact locale, then its language, then
    /// English; `nil` when none of them has a text.
    public func text(for locale: String) -> String? {
        let key = Self.normalize(locale)
        if let exact = translations[key] { return exact }
        if let language = translations[Self.language(of: key)] { return language }
        return translations["en"]
    }

    /// A copy with the texts of `other` added, `other` winning where both have one.
    public func merging(_ other: LocalizedText) -> LocalizedText {
        var copy = self
        for (key, value) in other.translations { copy.translations[key] = value }
        return copy
    }

    /// The language of a locale identifier: `de_DE` → `de`.
    public static func language(of locale: String) -> String {
        String(normalize(locale).prefix { $0 != "_" })
    }

    /// `de-at` → `de_AT`; the language lower-cased, the rest as given with `-` read as `_`.
    static func normalize(_ key: String) -> String {
        let parts = key.replacingOccurrences(of: "-", with: "_").split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first else { return "" }
        let language = first.lowercased()
        return parts.count > 1 ? language + "_" + parts[1].uppercased() : language
    }

    /// Decodes a JSON object from locale to text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode([String: String].self))
    }

    /// Encodes a JSON object from locale to text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(translations)
    }

    /// A readable label from an API name, used when no label is declared: `StageName` → `Stage Name`,
    /// `Internal_Score__c` → `Internal Score`, `PartnerAccountId` → `Partner Account`.
    public static func humanize(apiName: String) -> String {
        var name = apiName
        if name.hasSuffix("__c") { name.removeLast(3) }
        if name.count > 2, name.hasSuffix("Id"), name.dropLast(2).last?.isLowercase == true { name.removeLast(2) }
        var out = ""
        var previous: Character?
        for character in name {
            if character == "_" {
                if out.last != " " { out.append(" ") }
            } else {
                if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { out.append(" ") }
                out.append(character)
            }
            previous = character == "_" ? nil : character
        }
        let trimmed = out.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? apiName : trimmed
    }
}
