/// Synonym groups compiled for query time: a dictionary from a term's normalised words to the
/// terms a query should also look for. Build it once per change of the groups (a
/// ``SynonymService`` does), then every query costs dictionary lookups only.
///
/// A term is keyed by its normalised words (case, width and diacritics folded, punctuation
/// dropped: "Log-in" and "log in" are the same key) and by their English and German stems,
/// so "invoices" matches a group that lists "invoice".
public struct SynonymSet: Sendable, Hashable {
    /// One expansion: the terms a matched term stands for, in the group's language.
    struct Entry: Sendable {
        /// The language code of the group's locale (`en`, `de`, `ko`); `nil` for every language.
        var languageCode: String?
        /// The terms to look for besides the one typed.
        var alternatives: [String]
    }

    final class Storage: Sendable {
        let groups: [SynonymGroup]
        let entries: [String: [Entry]]
        let longestTerm: Int

        init(groups: [SynonymGroup]) {
            var entries: [String: [Entry]] = [:]
            var longest = 0
            for group in groups {
                let code = group.locale.map(SearchLocalePolicy.languageCode)
                let keyed = group.terms.map { term in (term, SynonymSet.keys(of: term)) }
                for (term, keys) in keyed {
                    let alternatives: [String]
                    switch group.kind {
                    case .twoWay: alternatives = keyed.filter { $0.1.first != keys.first }.map(\.0)
                    case .oneWay: alternatives = group.targets.filter { SynonymSet.keys(of: $0).first != keys.first }
                    }
                    guard !alternatives.isEmpty, !keys.isEmpty else { continue }
                    longest = max(longest, Tokenizer.tokens(term).count)
                    for key in keys { entries[key, default: []].append(Entry(languageCode: code, alternatives: alternatives)) }
                }
            }
            self.groups = groups
            self.entries = entries
            self.longestTerm = min(longest, SynonymGroup.maximumTermWords)
        }
    }

    let storage: Storage

    /// Compiles groups; groups that fail ``SynonymGroup/check()`` are left out.
    public init(_ groups: [SynonymGroup]) {
        storage = Storage(groups: groups.filter { (try? $0.check()) != nil })
    }

    /// No synonyms.
    public static let empty = SynonymSet([])

    /// The groups compiled in.
    public var groups: [SynonymGroup] { storage.groups }
    /// Whether no group expands anything.
    public var isEmpty: Bool { storage.entries.isEmpty }
    /// The most words in one term (how far a query is scanned for a multi-word term).
    var longestTerm: Int { storage.longestTerm }

    /// The terms a query in `languageCode` should also look for when it holds the normalised words `texts` in this
    /// order; `nil` when no group applies. Groups without locale apply to every query; a
    /// query without language uses every group.
    func alternatives(for texts: [String], languageCode: String?) -> [String]? {
        guard !texts.isEmpty, texts.count <= longestTerm else { return nil }
        for key in [texts, texts.map(PorterStemmer.stem), texts.map(GermanStemmer.stem)] {
            guard let entries = storage.entries[key.joined(separator: " ")] else { continue }
            var out: [String] = []
            var seen = Set<String>()
            for entry in entries where entry.languageCode == nil || languageCode == nil || entry.languageCode == languageCode {
                for alternative in entry.alternatives where seen.insert(Self.keys(of: alternative).first ?? alternative).inserted {
                    out.append(alternative)
                }
            }
            if !out.isEmpty { return out }
        }
        return nil
    }

    /// The lookup keys of a term: its normalised words, then their English and German stems.
    static func keys(of term: String) -> [String] {
        let texts = Tokenizer.tokens(term).map(\.text)
        guard !texts.isEmpty else { return [] }
        var keys: [String] = []
        for key in [texts, texts.map(PorterStemmer.stem), texts.map(GermanStemmer.stem)] {
            let joined = key.joined(separator: " ")
            if !keys.contains(joined) { keys.append(joined) }
        }
        return keys
    }

    public static func == (a: SynonymSet, b: SynonymSet) -> Bool { a.storage === b.storage || a.groups == b.groups }

    public func hash(into hasher: inout Hasher) { hasher.combine(groups) }
}
