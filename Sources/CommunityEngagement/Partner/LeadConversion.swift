public import CommunityModel
public import Foundation

/// The record of a converted lead: what it became. Stored with the lead's id.
public struct LeadConversion: Entity, Hashable {
    public static let entityType: EntityType = "LeadConversion"
    public var id: ID<LeadConversion>
    /// The lead.
    public var leadID: ID<Lead>
    /// The account created or joined.
    public var accountID: ID<Account>
    /// Whether the account was created by the conversion.
    public var createdAccount: Bool
    /// The contact created.
    public var contactID: ID<Contact>
    /// The opportunity created, if one was.
    public var opportunityID: ID<Opportunity>?
    /// Who converted it.
    public var convertedBy: ID<User>
    /// When.
    public var convertedAt: Date
    /// The site it was created through (Salesforce's NetworkId); `nil` when the host created it outside any site.
    public var siteID: String? = nil
}
