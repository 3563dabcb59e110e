/// What the search benchmark could not do with its arguments or input files.
public enum BenchmarkInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An argument the benchmark does not know.
    case unknownArgument(String)
    /// A flag that needs a value came last.
    case missingValue(flag: String)
    /// A flag's value is not what it expects.
    case invalidValue(flag: String, value: String, expected: String)
    /// `--corpus` was given without `--queries`: the shipped queries do not judge another corpus.
    case queriesRequiredWithCorpus
    /// `--queries` was given with a generated corpus, whose ids the file cannot know.
    case queriesRequireCorpus
    /// `--docs` and `--corpus` were both given.
    case generatedAndFileCorpus
    /// `--language` was given without `--docs`: only a generated corpus can be limited to one language.
    case languageNeedsGeneratedCorpus
    /// A file could not be read.
    case unreadableFile(path: String, reason: String)
    /// A file is not valid benchmark JSON.
    case malformedFile(path: String, reason: String)
    /// The corpus holds no documents.
    case emptyCorpus
    /// The query set holds no queries.
    case noQueries
    /// Two corpus entries share an id.
    case duplicateDocumentID(String)
    /// A corpus entry's `updatedAt` is not an ISO 8601 date and time.
    case invalidUpdatedAt(documentID: String, value: String)
    /// A corpus entry's `popularity` is negative or not finite.
    case invalidPopularity(documentID: String)
    /// A query judges a document id that is not in the corpus.
    case unknownJudgedDocument(id: String, query: String)
    /// A query gives a grade outside 0…`RelevanceJudgments.maximumGrade`.
    case invalidGrade(id: String, query: String, grade: Int)
    /// A query judges no document relevant (every grade is 0, or none given).
    case noRelevantDocument(query: String)

    /// A sentence that names what is wrong.
    public var description: String {
        switch self {
        case .unknownArgument(let argument): "unknown argument \(argument) (see --help)"
        case .missingValue(let flag): "\(flag) needs a value"
        case .invalidValue(let flag, let value, let expected): "\(flag) needs \(expected), not \"\(value)\""
        case .queriesRequiredWithCorpus: "--corpus needs --queries: the shipped queries only judge the shipped corpus"
        case .queriesRequireCorpus: "--queries needs --corpus (generated documents have ids no query file can know)"
        case .generatedAndFileCorpus: "--docs and --corpus exclude each other"
        case .languageNeedsGeneratedCorpus: "--language needs --docs: it chooses the language of generated documents"
        case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
        case .malformedFile(let path, let reason): "\(path) is not valid benchmark JSON: \(reason)"
        case .emptyCorpus: "the corpus holds no documents"
        case .noQueries: "the query set holds no queries"
        case .duplicateDocumentID(let id): "the corpus holds id \"\(id)\" more than once"
        case .invalidUpdatedAt(let id, let value):
            "document \"\(id)\": updatedAt \"\(value)\" is not an ISO 8601 date and time (2026-01-31T12:00:00Z)"
        case .invalidPopularity(let id): "document \"\(id)\": popularity must be a finite number ≥ 0"
        case .unknownJudgedDocument(let id, let query): "query \"\(query)\" judges \"\(id)\", which is not in the corpus"
        case .invalidGrade(let id, let query, let grade):
            "query \"\(query)\" grades \"\(id)\" \(grade); grades run from 0 to \(RelevanceJudgments.maximumGrade)"
        case .noRelevantDocument(let query): "query \"\(query)\" judges no document relevant (a grade above 0)"
        }
    }
}
