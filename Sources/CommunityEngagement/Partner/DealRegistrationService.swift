public import CommunityModel
import Foundation

/// Deal (lead) registration by partner users: duplicate detection, then an approval process
/// (``processName``) whose final approval marks the lead approved and whose rejection marks it rejected.
///
/// Duplicates never reach the partner: a registration that matches existing leads or
/// accounts (often another partner's registration) is saved and submitted like any other,
/// flagged ``DealRegistration/needsReview``, and its matches are kept in a
/// ``LeadDuplicateReview`` that only internal users who review it may read.
public final class DealRegistrationService: Sendable {
    /// The approval process this service registers.
    public static let processName = "dealRegistration"
    /// The shared environment.
    public let environment: ServiceEnvironment
    /// The approval engine the registrations go through.
    public let approvals: ApprovalEngine
    /// The duplicate rules.
    public let detector: LeadDuplicateDetector

    /// Creates the service and registers the deal-registration process with `steps`
    /// (for example the channel manager's queue, then a sales director).
    public init(
        environment: ServiceEnvironment, approvals: ApprovalEngine, steps: [ApprovalStep],
        detector: LeadDuplicateDetector = LeadDuplicateDetector()
    ) throws {
        self.environment = environment
        self.approvals = approvals
        self.detector = detector
        try approvals.register(
            ApprovalProcess(
                name: Self.processName, steps: steps,
                onFinalApproval: { outcome in try Self.setStatus(.approved, outcome) },
                onRejection: { outcome in try Self.setStatus(.rejected, outcome) },
                onRecall: { outcome in try Self.setStatus(.working, outcome) }))
    }

    private static func setStatus(_ status: Lead.Status, _ outcome: ApprovalOutcome) throws {
        guard let id = outcome.request.item.id(as: Lead.self) else { return }
        guard var lead = try outcome.transaction.value(id) else { throw PartnerError.unknownLead(id) }
        lead.status = status
        try outcome.transaction.put(lead)
    }

    /// Records that a registration would duplicate, without saving anything; for internal
    /// users only, since the matches name other partners' registrations and customers.
    ///
    /// - Throws: ``PartnerError/reviewRestricted(_:)`` unless `viewer` is an active internal user.
    public func duplicates(of draft: LeadRegistrationDraft, viewer: ID<User>) throws -> [LeadDuplicate] {
        let reader = environment.store.snapshot()
        try requireInternal(viewer, in: reader)
        return try detector.duplicates(of: makeLead(from: draft, id: "probe", partner: nil, owner: nil), in: reader)
    }

    /// A partner user registers a deal: the lead is saved as submitted and enters approval
    /// in one transaction. When it matches existing leads or accounts, the result says only
    /// that it needs review; the matches go into a ``LeadDuplicateReview`` for the approvers
    /// (see ``duplicateReview(of:viewer:)``) and the request's history notes the review
    /// without naming them.
    public func register(_ draft: LeadRegistrationDraft, by partnerUser: ID<User>) throws -> DealRegistration {
        let registration = try environment.store.write { tx -> DealRegistration in
            let (user, account) = try PartnerLookup.partner(partnerUser, in: tx)
            let lead = makeLead(from: draft, id: .generate(prefix: "lead"), partner: account.id, owner: user.id)
            do { try lead.validate() } catch let error as ValidationError { throw PartnerError.invalid(error) }
            try environment.require(.create, user: partnerUser, record: lead, in: tx)
            let matches = try detector.duplicates(of: lead, in: tx)
            try tx.put(lead, expecting: .absent)
            let request = try approvals.submit(
                ApprovalItem(lead.id), to: Self.processName, by: partnerUser,
                comment: matches.isEmpty ? "" : Self.reviewComment, in: tx)
            if !matches.isEmpty {
                try tx.put(
                    LeadDuplicateReview(
                        leadID: lead.id, requestID: request.id, partnerAccountID: account.id, matches: matches,
                        detectedAt: environment.clock.now()),
                    expecting: .absent)
            }
            return DealRegistration(lead: lead, request: request, needsReview: !matches.isEmpty)
        }
        let request = registration.request
        environment.bus.publish(
            ApprovalDecided(
                requestID: request.id, processName: request.processName, item: request.item, action: .submitted,
                status: request.status, actor: partnerUser, occurredAt: environment.clock.now()))
        return registration
    }

    /// The note a flagged registration's approval history carries (the submitter can read
    /// the history, so it names no record).
    public static let reviewComment = "flagged for duplicate review"

    /// The duplicate matches of a registered lead, for those who review it: active internal
    /// users who may read the lead or may act on its approval request. `nil` when the lead
    /// was not flagged.
    ///
    /// - Throws: ``PartnerError/reviewRestricted(_:)`` for anyone else (partner users among
    ///   them, including the one who registered the lead).
    public func duplicateReview(of lead: ID<Lead>, viewer: ID<User>) throws -> LeadDuplicateReview? {
        let reader = environment.store.snapshot()
        try requireInternal(viewer, in: reader)
        guard let review = try reader.value(LeadDuplicateReview.id(for: lead)) else { return nil }
        if let record = try reader.value(lead), try environment.access.isAllowed(.read, user: viewer, record: record, in: reader) {
            return review
        }
        if let request = try reader.value(review.requestID), try approvals.approvers(of: request, in: reader).contains(viewer) {
            return review
        }
        throw PartnerError.reviewRestricted(viewer)
    }

    private func requireInternal(_ viewer: ID<User>, in reader: any StoreReader) throws {
        guard let user = try reader.value(viewer), user.isActive, user.kind == .internal else {
            throw PartnerError.reviewRestricted(viewer)
        }
    }

    /// Every lead `viewer` may read (a partner user: their own, their subordinates' as
    /// manager or executive, their account's as super user; a channel manager: their partners').
    public func visibleLeads(viewer: ID<User>) throws -> [Lead] {
        let reader = environment.store.snapshot()
        return try reader.all(Lead.self).map(\.value).filter {
            try environment.access.isAllowed(.read, user: viewer, record: $0, in: reader)
        }
    }

    private func makeLead(from draft: LeadRegistrationDraft, id: ID<Lead>, partner: ID<Account>?, owner: ID<User>?) -> Lead {
        Lead(
            id: id, firstName: draft.firstName, lastName: draft.lastName, company: draft.company, email: draft.email,
            status: .submitted, source: "Partner Referral", partnerAccountID: partner, region: draft.region,
            product: draft.product, owner: .user(owner ?? ID("probe")), customFields: draft.customFields, siteID: draft.site)
    }
}
