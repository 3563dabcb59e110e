/// Optimal-string-alignment edit distance (insertions, deletions, substitutions and
/// adjacent transpositions each cost one), bounded for speed.
public enum EditDistance {
    /// The distance between `a` and `b`, or `nil` when it exceeds `limit`.
    public static func within(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        var calculator = BoundedEditDistance()
        return calculator.within(a, b, limit: max(0, limit))
    }

    /// The distance between two strings, or `nil` when it exceeds `limit`.
    public static func within(_ a: String, _ b: String, limit: Int) -> Int? {
        within(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// How many typos a word of this length may carry: none under 4 characters, one for
    /// 4 to 7, two from 8.
    public static func allowedTypos(forLength length: Int) -> Int {
        length < 4 ? 0 : length < 8 ? 1 : 2
    }
}
