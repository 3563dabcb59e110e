/// A light German stemmer: strips common inflection endings so that "Rechnungen",
/// "Rechnung" and "Rechnungs" (as a compound's first part) meet. Works on folded text
/// (umlauts already transliterated).
public enum GermanStemmer {
    static let endings = ["ern", "em", "en", "er", "es", "e", "n", "s"]

    /// The light stem of a folded, lower-case German word.
    public static func stem(_ word: String) -> String {
        guard word.count > 5 else { return word }
        for ending in endings where word.hasSuffix(ending) && word.count - ending.count >= 4 {
            return String(word.dropLast(ending.count))
        }
        return word
    }
}
