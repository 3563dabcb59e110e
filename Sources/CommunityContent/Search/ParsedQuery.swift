/// A query text split into loose words and quoted phrases, then into scoring units.
struct ParsedQuery {
    /// Scoring units: text units first, then context units.
    var units: [QueryUnit]
    /// Per unit: its weight (1 for text, the context weight for context).
    var weights: [Double]
    /// Per unit: whether it comes from the query text (and so counts for `allWords`).
    var fromText: [Bool]
    /// Quoted phrases, as token sequences.
    var phrases: [[TextToken]]
    /// The language of the query.
    var language: ContentLanguage?
    /// The query text outside quotes plus the quoted text (what `units` were made from).
    var looseText: String

    /// At most this many units are scored (the rest of a very long query is ignored).
    static let maxUnits = 64

    init(_ query: SearchQuery, contextWeight: Double) {
        let language = query.locale.map(ContentLanguage.init(locale:))
        self.language = language
        var loose = ""
        var phrases: [[TextToken]] = []
        var inQuote = false
        var current = ""
        for ch in query.text {
            if ch == "\"" || ch == "“" || ch == "”" || ch == "„" {
                if inQuote {
                    let tokens = Tokenizer.tokens(current)
                    if !tokens.isEmpty { phrases.append(tokens) }
                    loose += " " + current + " "
                    current = ""
                }
                inQuote.toggle()
            } else if inQuote {
                current.append(ch)
            } else {
                loose.append(ch)
            }
        }
        loose += " " + current
        self.phrases = phrases
        self.looseText = loose
        var units = TextAnalyzer.queryUnits(loose, language: language)
        if units.count > Self.maxUnits { units = Array(units.prefix(Self.maxUnits)) }
        var weights = [Double](repeating: 1, count: units.count)
        var fromText = [Bool](repeating: true, count: units.count)
        if !query.context.isEmpty, units.count < Self.maxUnits {
            let seen = Set(units.map(\.word))
            var context = TextAnalyzer.queryUnits(query.context, language: language).filter { !seen.contains($0.word) }
            var unique: [QueryUnit] = []
            var uniqueWords = Set<String>()
            for var unit in context where uniqueWords.insert(unit.word).inserted {
                unit.isLastWord = false
                unique.append(unit)
            }
            context = Array(unique.prefix(Self.maxUnits - units.count))
            units += context
            weights += [Double](repeating: contextWeight, count: context.count)
            fromText += [Bool](repeating: false, count: context.count)
        }
        self.units = units
        self.weights = weights
        self.fromText = fromText
    }
}
