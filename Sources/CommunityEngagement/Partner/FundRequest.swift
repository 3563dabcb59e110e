public import CommunityModel
public import Foundation

/// A partner's request for market development funds for an activity.
public struct FundRequest: Entity, Hashable {
    /// Where the request stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case submitted, approved, rejected, recalled
    }

    public static let entityType: EntityType = "FundRequest"
    public static var indexedFields: [IndexedField<FundRequest>] {
        [IndexedField("partnerAccountID") { .reference($0.partnerAccountID.rawValue) }]
    }

    public var id: ID<FundRequest>
    /// The requesting partner account.
    public var partnerAccountID: ID<Account>
    /// The partner user who asked.
    public var requestedBy: ID<User>
    /// The budget period it draws on.
    public var period: String
    /// The activity, such as `Trade show Berlin`.
    public var activity: String
    /// The amount requested.
    public var amount: Decimal
    /// The amount claimed so far against it.
    public var claimed: Decimal
    public var status: Status
    /// When it was requested.
    public var requestedAt: Date
    /// The site it was created through (Salesforce's NetworkId); `nil` when the host created it outside any site.
    public var siteID: String? = nil
}
