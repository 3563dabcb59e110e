public import Foundation

/// Open and closed opportunities totalled by stage, for a partner account or a channel manager.
public struct PipelineView: Hashable, Sendable, Codable {
    /// One stage's totals.
    public struct StageTotal: Hashable, Sendable, Codable {
        /// The stage.
        public var stage: String
        /// How many opportunities are in it.
        public var count: Int
        /// The sum of their amounts.
        public var amount: Decimal
        /// The sum of amount × probability.
        public var weightedAmount: Decimal
    }

    /// Totals per stage, in pipeline order (stages with no opportunity included, at zero).
    public var stages: [StageTotal]
    /// How many opportunities in all.
    public var count: Int { stages.reduce(0) { $0 + $1.count } }
    /// All amounts.
    public var amount: Decimal { stages.reduce(0) { $0 + $1.amount } }
    /// All weighted amounts.
    public var weightedAmount: Decimal { stages.reduce(0) { $0 + $1.weightedAmount } }
}
