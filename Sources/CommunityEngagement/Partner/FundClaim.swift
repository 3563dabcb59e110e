public import CommunityModel
public import Foundation

/// A claim for money spent on an approved fund request, with proof of performance.
public struct FundClaim: Entity, Hashable {
    /// Where the claim stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case submitted, approved, rejected, recalled
    }

    public static let entityType: EntityType = "FundClaim"
    public static var indexedFields: [IndexedField<FundClaim>] {
        [IndexedField("requestID") { .reference($0.requestID.rawValue) }]
    }

    public var id: ID<FundClaim>
    /// The fund request it claims against.
    public var requestID: ID<FundRequest>
    /// The partner user who claimed.
    public var claimedBy: ID<User>
    /// The amount claimed.
    public var amount: Decimal
    /// Proof of performance (file ids or a description).
    public var proof: String
    public var status: Status
    /// When it was claimed.
    public var claimedAt: Date
    /// The site it was created through (Salesforce's NetworkId); `nil` when the host created it outside any site.
    public var siteID: String? = nil
}
