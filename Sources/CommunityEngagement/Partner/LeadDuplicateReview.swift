public import CommunityModel
public import Foundation

/// The possible duplicates found when a partner registered a lead, kept for the people who
/// review the registration (the approvers and other internal users who may read the lead).
///
/// The partner who registered the lead is told only that it needs review: the matches name
/// other partners' registrations and customers, so they never reach partner users. This is
/// not a ``Record``, so no sharing rule or partner role reaches it; the only way to read it
/// is ``DealRegistrationService/duplicateReview(of:viewer:)``, which admits internal users only.
public struct LeadDuplicateReview: Entity, Hashable {
    public static let entityType: EntityType = "LeadDuplicateReview"
    public static var indexedFields: [IndexedField<LeadDuplicateReview>] {
        [IndexedField("requestID") { .reference($0.requestID.rawValue) }]
    }

    /// Same string as the lead's id (one review per lead).
    public var id: ID<LeadDuplicateReview>
    /// The registered lead.
    public var leadID: ID<Lead>
    /// The approval request the registration went into.
    public var requestID: ID<ApprovalRequest>
    /// The partner account that registered the lead.
    public var partnerAccountID: ID<Account>
    /// The existing leads and accounts the registration appears to duplicate.
    public var matches: [LeadDuplicate]
    /// When the matches were found.
    public var detectedAt: Date

    /// Creates a review record for `leadID`.
    public init(
        leadID: ID<Lead>, requestID: ID<ApprovalRequest>, partnerAccountID: ID<Account>, matches: [LeadDuplicate],
        detectedAt: Date
    ) {
        id = Self.id(for: leadID)
        self.leadID = leadID
        self.requestID = requestID
        self.partnerAccountID = partnerAccountID
        self.matches = matches
        self.detectedAt = detectedAt
    }

    /// The id of the review of `lead`.
    public static func id(for lead: ID<Lead>) -> ID<LeadDuplicateReview> { lead.retyped() }
}
