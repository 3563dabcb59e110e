public import Foundation

/// Per-query boosts learned from which results members follow: normalised query → item →
/// score factor. Each member counts once per query and item (their latest click, so fifty
/// clicks weigh as one), weights decay with a half-life, and nothing applies until
/// ``ClickLearningOptions/minimumMembers`` distinct members followed the item for the query.
/// The factor is bounded: `1 + maxBoost · w / (w + minimumMembers)` for decayed weight `w`.
///
/// The model keeps counts and weights only, never who clicked.
public struct ClickBoostModel: Sendable {
    /// The options it was built with.
    public let options: ClickLearningOptions
    private let learned: [String: [String: LearnedBoost]]

    /// An empty model.
    public init(options: ClickLearningOptions = ClickLearningOptions()) {
        self.options = options
        learned = [:]
    }

    /// Learns from `clicks` as of `now` (clicks in the future count as fresh).
    public init(clicks: [SearchClick], options: ClickLearningOptions = ClickLearningOptions(), now: Date) {
        self.options = options
        struct Pair: Hashable { var query: String, item: String }
        var latest: [Pair: [String: Date]] = [:]
        for click in clicks where !click.query.isEmpty && !click.item.isEmpty && !click.member.isEmpty {
            let pair = Pair(query: click.query, item: click.item)
            if let seen = latest[pair]?[click.member], seen >= click.at { continue }
            latest[pair, default: [:]][click.member] = click.at
        }
        let halfLife = options.halfLifeDays.isFinite ? max(0.001, options.halfLifeDays) : 14
        let minimum = max(1, options.minimumMembers)
        let ceiling = options.maxBoost.isFinite ? max(0, options.maxBoost) : 0
        var learned: [String: [String: LearnedBoost]] = [:]
        for (pair, members) in latest where members.count >= minimum {
            let weight = members.values.reduce(0.0) { sum, at in
                sum + exp2(-max(0, now.timeIntervalSince(at)) / 86_400 / halfLife)
            }
            let factor = 1 + ceiling * weight / (weight + Double(minimum))
            guard factor > 1 else { continue }
            learned[pair.query, default: [:]][pair.item] = LearnedBoost(
                query: pair.query, item: pair.item, members: members.count, weight: weight, factor: factor)
        }
        self.learned = learned
    }

    /// Item → score factor for a normalised query (empty when nothing was learned for it).
    public func factors(for query: String) -> [String: Double] {
        (learned[query] ?? [:]).mapValues(\.factor)
    }

    /// The strongest boosts, highest factor first.
    public func top(_ limit: Int) -> [LearnedBoost] {
        let all = learned.values.flatMap(\.values)
        return Array(all.sorted {
            $0.factor != $1.factor ? $0.factor > $1.factor : ($0.query, $0.item) < ($1.query, $1.item)
        }.prefix(max(0, limit)))
    }

    /// How many (query, item) pairs carry a boost.
    public var count: Int { learned.values.reduce(0) { $0 + $1.count } }
}
