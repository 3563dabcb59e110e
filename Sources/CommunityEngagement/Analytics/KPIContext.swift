/// What the KPI report needs beyond the aggregates: display names, partner tiers and, for one
/// site, its members by kind (site membership is decided by profiles, not kept per day).
public struct KPIContext: Sendable {
    /// What a key names.
    public enum NameKind: Sendable, Hashable {
        /// A member id.
        case member
        /// A group id.
        case group
        /// An article id.
        case article
        /// An account id.
        case account
    }

    /// A display name for a key; `nil` keeps the key.
    public var name: @Sendable (NameKind, String) -> String?
    /// A partner account's tier; `nil` counts as "none".
    public var tier: @Sendable (String) -> String?
    /// Members by kind to show instead of the engine-wide count (for one site).
    public var membersByKind: [String: Int64]?
    /// How many entries a top list keeps.
    public var topCount: Int

    /// A context; by default keys are shown as they are.
    public init(
        name: @escaping @Sendable (NameKind, String) -> String? = { _, _ in nil },
        tier: @escaping @Sendable (String) -> String? = { _ in nil },
        membersByKind: [String: Int64]? = nil, topCount: Int = 5
    ) {
        self.name = name
        self.tier = tier
        self.membersByKind = membersByKind
        self.topCount = max(1, min(50, topCount))
    }
}
