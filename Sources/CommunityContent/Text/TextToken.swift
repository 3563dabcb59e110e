/// One word of a text: its normalised form and where it sits in the original string.
public struct TextToken: Sendable, Hashable {
    /// The normalised form (NFKC, case- and diacritic-folded).
    public var text: String
    /// The range of the word in the original string.
    public var range: Range<String.Index>
    /// Whether the word is written in Hangul.
    public var isHangul: Bool
}
