public import CommunityModel

/// What a partner gets back from registering a deal: the lead, its approval request, and
/// whether it was flagged for duplicate review. It never names the records it may duplicate;
/// approvers read those with ``DealRegistrationService/duplicateReview(of:viewer:)``.
public struct DealRegistration: Hashable, Sendable {
    /// The registered lead (status `submitted`).
    public var lead: Lead
    /// The approval request the lead entered.
    public var request: ApprovalRequest
    /// Whether the registration matched existing leads or accounts and needs review.
    public var needsReview: Bool

    /// Creates a result.
    public init(lead: Lead, request: ApprovalRequest, needsReview: Bool) {
        self.lead = lead
        self.request = request
        self.needsReview = needsReview
    }

    /// The sentence to show the partner: that the registration was received and, when
    /// flagged, that it needs review, with no detail about other records.
    public var partnerMessage: String {
        needsReview
            ? "Your registration was received and needs review by your channel manager."
            : "Your registration was received and is awaiting approval."
    }
}
