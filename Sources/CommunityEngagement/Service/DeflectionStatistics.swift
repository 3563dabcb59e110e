/// Deflection figures over a period: of the visits that were offered articles and ended,
/// the share that ended in a deflection rather than a case.
public struct DeflectionStatistics: Hashable, Sendable, Codable {
    /// Ended visits that were offered at least one article.
    public var sessions: Int
    /// Of those, visits that ended with an article read and no case.
    public var deflected: Int
    /// Of those, visits that created a case.
    public var casesCreated: Int
    /// Of those, visits that left without reading or creating anything.
    public var abandoned: Int

    /// `deflected / (deflected + casesCreated)`, or 0 when there were none.
    public var rate: Double {
        let decided = deflected + casesCreated
        return decided == 0 ? 0 : Double(deflected) / Double(decided)
    }
}
