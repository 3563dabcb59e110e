/// The languages whose text analysis the search engine knows in detail.
///
/// Any other language is still searchable: it gets Unicode normalisation, case and
/// diacritic folding and typo tolerance, but no stemming or decompounding.
public enum ContentLanguage: String, Hashable, Sendable, Codable, CaseIterable {
    /// English: Porter stemming.
    case english
    /// German: umlaut transliteration, light stemming and compound-part matching.
    case german
    /// Korean: Hangul syllable bigrams and particle stripping.
    case korean
    /// Anything else: normalisation and folding only.
    case other

    /// The language of a locale such as `en_US`, `de-DE`, `ko_KR` or `ko`.
    public init(locale: String) {
        let code = locale.prefix { $0 != "_" && $0 != "-" }.lowercased()
        switch code {
        case "en": self = .english
        case "de": self = .german
        case "ko": self = .korean
        default: self = .other
        }
    }
}
