/// A query's judged documents with their grades: 0 judged not relevant, 1 relevant, higher
/// more relevant (up to `maximumGrade`).
///
/// In JSON either a list of ids (each graded 1) or an object of id to grade:
/// `"relevant": ["a", "b"]` or `"relevant": {"a": 3, "b": 1, "c": 0}`.
public struct RelevanceJudgments: Codable, Sendable, Hashable {
    /// The highest grade a judgment may give.
    public static let maximumGrade = 10

    /// Grade per document id.
    public var grades: [String: Int]

    /// Creates judgments from grades.
    public init(grades: [String: Int]) { self.grades = grades }

    /// Creates binary judgments: each id graded 1.
    public init(relevant ids: [String]) {
        grades = Dictionary(ids.map { ($0, 1) }, uniquingKeysWith: { a, _ in a })
    }

    /// Decodes a list of ids or an object of id to grade.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let ids = try? container.decode([String].self) {
            self.init(relevant: ids)
        } else {
            self.init(grades: try container.decode([String: Int].self))
        }
    }

    /// Encodes the grades as an object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(grades)
    }

    /// Ids with a grade above 0.
    public var relevantIDs: Set<String> { Set(grades.filter { $0.value > 0 }.keys) }

    /// The grade of `id` (0 when not judged).
    public func grade(of id: String) -> Int { grades[id] ?? 0 }
}
