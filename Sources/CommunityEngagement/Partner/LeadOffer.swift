public import CommunityModel
public import Foundation

/// A lead offered to a partner account, to accept or reject before ``expiresAt``.
public struct LeadOffer: Entity, Hashable {
    /// Where the offer stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case open, accepted, rejected, expired
    }

    public static let entityType: EntityType = "LeadOffer"
    public static var indexedFields: [IndexedField<LeadOffer>] {
        [
            IndexedField("leadID") { .reference($0.leadID.rawValue) },
            IndexedField("status") { .picklist($0.status.rawValue) },
            IndexedField("partnerAccountID") { .reference($0.partnerAccountID.rawValue) },
        ]
    }

    public var id: ID<LeadOffer>
    /// The lead.
    public var leadID: ID<Lead>
    /// The partner account offered it.
    public var partnerAccountID: ID<Account>
    /// The partner user who owns the lead while it is offered.
    public var recipientID: ID<User>
    /// Who offered it; `nil` when a distribution rule did.
    public var offeredBy: ID<User>?
    /// The rule that chose the partner, if one did.
    public var rule: String?
    public var status: Status
    /// When it was offered.
    public var offeredAt: Date
    /// When an open offer lapses and the lead returns to the pool.
    public var expiresAt: Date
    /// When it was answered or expired.
    public var closedAt: Date?
    /// The partner's reason for rejecting.
    public var reason: String?
}
