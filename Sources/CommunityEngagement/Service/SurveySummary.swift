public import Foundation

/// Survey results aggregated over a period.
public struct SurveySummary: Hashable, Sendable, Codable {
    /// The period, start inclusive, end exclusive.
    public var start: Date
    /// The end of the period.
    public var end: Date
    /// How many surveys were answered.
    public var responses: Int
    /// Mean CSAT (0 when none).
    public var averageCSAT: Double
    /// Share of CSAT answers of 4 or 5, in percent.
    public var satisfiedPercent: Double
    /// Net promoter score: percent of 9–10 minus percent of 0–6, −100 to 100.
    public var netPromoterScore: Double

    /// Aggregates surveys answered in `start..<end`.
    static func aggregate(_ surveys: [CaseSurvey], start: Date, end: Date) -> SurveySummary {
        let inPeriod = surveys.filter { $0.answeredAt >= start && $0.answeredAt < end }
        let n = Double(inPeriod.count)
        guard n > 0 else {
            return SurveySummary(
                start: start, end: end, responses: 0, averageCSAT: 0, satisfiedPercent: 0, netPromoterScore: 0)
        }
        let average = Double(inPeriod.map(\.csat).reduce(0, +)) / n
        let satisfied = Double(inPeriod.filter { $0.csat >= 4 }.count) / n * 100
        let promoters = Double(inPeriod.filter { $0.nps >= 9 }.count)
        let detractors = Double(inPeriod.filter { $0.nps <= 6 }.count)
        return SurveySummary(
            start: start, end: end, responses: inPeriod.count, averageCSAT: average, satisfiedPercent: satisfied,
            netPromoterScore: (promoters - detractors) / n * 100)
    }
}
