import Foundation

/// Makes URL slugs from titles: lower case, German umlauts transliterated (ä → ae, ß → ss),
/// other accents dropped, Hangul and other letters kept as they are, everything else a
/// single hyphen.
public enum SlugGenerator {
    /// The longest slug, in characters.
    public static let maxLength = 80

    /// The slug of a title; empty when the title has no letters or digits.
    public static func slug(from title: String) -> String {
        var parts: [String] = []
        for token in Tokenizer.tokens(title) { parts.append(token.text) }
        var slug = ""
        for part in parts {
            let candidate = slug.isEmpty ? part : slug + "-" + part
            if candidate.count > maxLength {
                if slug.isEmpty { slug = String(part.prefix(maxLength)) }
                break
            }
            slug = candidate
        }
        return slug
    }

    /// The slug with a collision suffix: `slug`, `slug-2`, `slug-3`…
    public static func variant(_ slug: String, _ n: Int) -> String { n <= 1 ? slug : "\(slug)-\(n)" }

    /// Whether `text` is a well-formed slug (what ``slug(from:)`` could produce).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.count <= maxLength + 8 && slug(from: text.replacingOccurrences(of: "-", with: " ")) == text
    }
}
