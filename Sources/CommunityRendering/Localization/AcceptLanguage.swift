import Foundation
/// An `Accept-Language` request header parsed strictly (RFC 9110 §12.5.4): language ranges
/// with optional quality values, best first.
///
/// Entries that break the grammar (a range with characters other than letters, digits and
/// hyphens, subtags longer than eight characters, a quality outside `0…1` or with more than
/// three decimals, unknown parameters) are skipped, never guessed at; so is anything beyond
/// the first ``maximumRanges`` entries or ``maximumLength`` characters.
public struct AcceptLanguage: Sendable, Hashable {
    /// One language range and its quality.
    public struct Range: Sendable, Hashable {
        /// The range, lower-cased, with `-` between subtags (`de-ch`), or `*`.
        public var tag: String
        /// The quality in thousandths (`q=0.8` → 800); `0` means "not acceptable".
        public var quality: Int
    }

    /// The most characters of a header read.
    public static let maximumLength = 1024
    /// The most entries read.
    public static let maximumRanges = 32

    /// The acceptable ranges, highest quality first (ties keep the header's order); ranges with
    /// quality 0 are left out and listed in ``excluded``.
    public let ranges: [Range]
    /// Ranges the client marked unacceptable (`q=0`).
    public let excluded: [String]

    /// Parses a header value; a malformed header yields no ranges.
    public init(parsing header: String) {
        var accepted: [Range] = []
        var excluded: [String] = []
        for entry in header.prefix(Self.maximumLength).split(separator: ",", omittingEmptySubsequences: true).prefix(Self.maximumRanges) {
            guard let range = Self.parseEntry(entry) else { continue }
            if range.quality == 0 { excluded.append(range.tag) } else { accepted.append(range) }
        }
        // A stable sort by quality: ties keep the order the client sent.
        self.ranges = accepted.enumerated().sorted { lhs, rhs in
            lhs.element.quality != rhs.element.quality ? lhs.element.quality > rhs.element.quality : lhs.offset < rhs.offset
        }.map(\.element)
        self.excluded = excluded
    }

    /// The supported locale the client prefers (`["en_US", "de_DE", "ko_KR"]` for `ko;q=0.9, de;q=0.5`
    /// → `ko_KR`), or `nil` when none is acceptable. A range matches a locale with the same tag
    /// (`de-de` ~ `de_DE`), else one of its language (`de-at` or `de` ~ `de_DE`); `*` matches the first
    /// supported locale whose language was not excluded.
    public func bestMatch(among supported: [String]) -> String? {
        let candidates = supported.filter { locale in
            let tag = Self.tag(of: locale)
            return !excluded.contains(tag) && !excluded.contains(Self.language(of: tag))
        }
        for range in ranges {
            if range.tag == "*" { return candidates.first }
            if let exact = candidates.first(where: { Self.tag(of: $0) == range.tag }) { return exact }
            let language = Self.language(of: range.tag)
            if let sameLanguage = candidates.first(where: { Self.language(of: Self.tag(of: $0)) == language }) { return sameLanguage }
        }
        return nil
    }

    /// `de_DE` → `de-de`.
    static func tag(of locale: String) -> String {
        locale.lowercased().replacingOccurrences(of: "_", with: "-")
    }

    /// `de-de` → `de`.
    static func language(of tag: String) -> String {
        String(tag.prefix { $0 != "-" })
    }

    private static func parseEntry(_ entry: Substring) -> Range? {
        let parts = entry.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingASCIISpaces() }
        guard let rawTag = parts.first, let tag = parseTag(rawTag) else { return nil }
        var quality = 1000
        switch parts.count {
        case 1: break
        case 2:
            let parameter = parts[1]
            guard parameter.count > 2, parameter.prefix(2).lowercased() == "q=", let q = parseQuality(parameter.dropFirst(2)) else { return nil }
            quality = q
        default: return nil
        }
        return Range(tag: tag, quality: quality)
    }

    /// `1*8ALPHA *("-" 1*8alphanum)` or `*`, lower-cased.
    private static func parseTag(_ text: Substring) -> String? {
        if text == "*" { return "*" }
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        for subtag in subtags.dropFirst() {
            guard (1...8).contains(subtag.count), subtag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        }
        return text.lowercased()
    }

    /// `0[.ddd]` or `1[.000]` in thousandths.
    private static func parseQuality(_ text: Substring) -> Int? {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = pieces.first, whole == "0" || whole == "1", pieces.count <= 2 else { return nil }
        var fraction = pieces.count == 2 ? pieces[1] : ""
        guard fraction.count <= 3, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if pieces.count == 2, fraction.isEmpty { return nil }
        while fraction.count < 3 { fraction += "0" }
        guard let thousandths = Int(fraction) else { return nil }
        if whole == "1" { return thousandths == 0 ? 1000 : nil }
        return thousandths
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate func trimmingASCIISpaces() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
