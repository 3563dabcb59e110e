public import CommunityModel
import Foundation

/// One condition of an assignment rule.
public enum CaseCriterion: Hashable, Sendable, Codable {
    /// The case's product is one of these.
    case product(Set<String>)
    /// The case's priority is one of these.
    case priority(Set<Case.Priority>)
    /// The account's tier (partner tier, or its `Tier` field) is one of these.
    case accountTier(Set<String>)
    /// The subject or description contains one of these words (case and accent blind).
    case keywords([String])
    /// The account's region is one of these.
    case region(Set<String>)

    /// Whether the case (with its account) meets the condition.
    public func matches(_ record: Case, account: Account?) -> Bool {
        switch self {
        case .product(let products): return record.product.map(products.contains) ?? false
        case .priority(let priorities): return priorities.contains(record.priority)
        case .accountTier(let tiers):
            guard let account else { return false }
            let tier = account.partnerTier?.rawValue ?? account.value(of: "Tier")?.description
            return tier.map { tiers.contains($0) } ?? false
        case .keywords(let words): return Self.firstKeyword(words, in: record) != nil
        case .region(let regions): return account?.region.map(regions.contains) ?? false
        }
    }

    /// The first keyword found in the case's subject or description.
    static func firstKeyword(_ words: [String], in record: Case) -> String? {
        let text = fold(record.subject + "\n" + record.description)
        return words.first { !fold($0).isEmpty && text.contains(fold($0)) }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
