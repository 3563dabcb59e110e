public import CommunityContent
public import Foundation

/// A corpus and its judged queries, checked against each other: ids unique, every judged id
/// in the corpus, grades in range, every query with a relevant document, every field parsed.
public struct BenchmarkInput: Sendable {
    /// The corpus as search documents, in file order.
    public let documents: [SearchDocument]
    /// The judged queries.
    public let queries: [JudgedQuery]

    /// Validates `corpus` and `queries`; documents without `updatedAt` date from `epoch`.
    public init(corpus: [CorpusEntry], queries: [JudgedQuery], epoch: Date) throws(BenchmarkInputError) {
        guard !corpus.isEmpty else { throw .emptyCorpus }
        guard !queries.isEmpty else { throw .noQueries }
        var ids = Set<String>()
        var documents: [SearchDocument] = []
        documents.reserveCapacity(corpus.count)
        for entry in corpus {
            guard ids.insert(entry.id).inserted else { throw .duplicateDocumentID(entry.id) }
            documents.append(try entry.searchDocument(epoch: epoch))
        }
        for judged in queries {
            for (id, grade) in judged.relevant.grades.sorted(by: { $0.key < $1.key }) {
                guard ids.contains(id) else { throw .unknownJudgedDocument(id: id, query: judged.query) }
                guard (0...RelevanceJudgments.maximumGrade).contains(grade) else {
                    throw .invalidGrade(id: id, query: judged.query, grade: grade)
                }
            }
            guard !judged.relevant.relevantIDs.isEmpty else { throw .noRelevantDocument(query: judged.query) }
        }
        self.documents = documents
        self.queries = queries
    }

    /// Decodes a benchmark JSON file.
    public static func load<T: Decodable>(_ type: T.Type, from path: String) throws(BenchmarkInputError) -> T {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadableFile(path: path, reason: error.localizedDescription)
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw .malformedFile(path: path, reason: String(describing: error))
        }
    }
}
