/// The search benchmark's command-line options.
public struct BenchmarkOptions: Sendable, Hashable {
    /// The usage line `--help` prints.
    public static let usage = """
        usage: SearchBenchmark [--corpus FILE.json --queries FILE.json | --docs N] [--json] [--seed N]
                               [--rounds N] [--no-typos] [--unrestricted] [--viewer-key KEY]...
                               [--locale-filter] [--prefix] [--synonyms] [--rankings FILE.jsonl]
                               [--language en|de|ko] [--export-corpus FILE.json] [--export-queries FILE.json]
                               [--batch N]
        """

    /// A corpus file (needs `queries`).
    public var corpus: String?
    /// A judged-query file (needs `corpus`).
    public var queries: String?
    /// Size of a generated corpus.
    public var docs: Int?
    /// Whether to print a JSON line of the figures.
    public var json = false
    /// Seed of the generated corpus.
    public var seed: UInt64 = 42
    /// Queries generated for a generated corpus.
    public var generatedQueries = 500
    /// Timed rounds after the warm-up round.
    public var rounds = 3
    /// Whether queries tolerate typos.
    public var typos = true
    /// Whether the viewer is restricted (false: sees every document).
    public var restricted = true
    /// Keys a restricted viewer holds for a corpus file's `visibleTo` keys.
    public var viewerKeys: [String] = []
    /// Whether each query only sees documents in its own locale.
    public var localeFilter = false
    /// Whether each query's last word matches as a prefix.
    public var prefix = false
    /// Whether queries expand through the shipped starter synonym groups
    /// (`SynonymGroup.starterGroups`), as a community that seeded them searches.
    public var synonyms = false
    /// Where to write one JSON line per query with its ranking.
    public var rankings: String?
    /// The one language of a generated corpus (`en`, `de` or `ko`); nil: the three in turn.
    public var language: String?
    /// Where to write the corpus the benchmark indexes, in the corpus JSON format (so another
    /// engine can index the same documents).
    public var exportCorpus: String?
    /// Where to write the judged queries the benchmark runs, in the query JSON format.
    public var exportQueries: String?
    /// Documents per `upsert` while indexing: 1,000 by default, as a host feeding a change stream
    /// writes; the corpus size for one bulk write (as a rebuild, or another engine's single commit).
    public var batch = 1000
    /// Whether `--help` was asked for.
    public var help = false

    /// The languages a generated corpus can be limited to.
    public static let generatedLanguages = ["en", "de", "ko"]

    /// The defaults: the shipped data set.
    public init() {}

    /// Parses arguments (without the program name), checking that they make sense together.
    public init(arguments: [String]) throws(BenchmarkInputError) {
        var rest = arguments[...]
        func value(_ flag: String) throws(BenchmarkInputError) -> String {
            guard let v = rest.popFirst() else { throw .missingValue(flag: flag) }
            return v
        }
        func positive(_ flag: String) throws(BenchmarkInputError) -> Int {
            let text = try value(flag)
            guard let n = Int(text), n > 0 else { throw .invalidValue(flag: flag, value: text, expected: "a positive number") }
            return n
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--corpus": corpus = try value(argument)
            case "--queries": queries = try value(argument)
            case "--docs": docs = try positive(argument)
            case "--json": json = true
            case "--seed":
                let text = try value(argument)
                guard let n = UInt64(text) else { throw .invalidValue(flag: argument, value: text, expected: "a number") }
                seed = n
            case "--rounds": rounds = try positive(argument)
            case "--no-typos": typos = false
            case "--unrestricted": restricted = false
            case "--viewer-key": viewerKeys.append(try value(argument))
            case "--locale-filter": localeFilter = true
            case "--prefix": prefix = true
            case "--synonyms": synonyms = true
            case "--rankings": rankings = try value(argument)
            case "--language":
                let text = try value(argument)
                guard Self.generatedLanguages.contains(text) else {
                    throw .invalidValue(flag: argument, value: text, expected: "one of en, de, ko")
                }
                language = text
            case "--batch": batch = try positive(argument)
            case "--export-corpus": exportCorpus = try value(argument)
            case "--export-queries": exportQueries = try value(argument)
            case "--help", "-h": help = true
            default: throw .unknownArgument(argument)
            }
        }
        if docs != nil, corpus != nil { throw .generatedAndFileCorpus }
        if corpus != nil, queries == nil { throw .queriesRequiredWithCorpus }
        if queries != nil, corpus == nil { throw .queriesRequireCorpus }
        if language != nil, docs == nil { throw .languageNeedsGeneratedCorpus }
    }
}
