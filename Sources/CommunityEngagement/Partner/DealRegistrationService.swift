public import CommunityModel
import Foundation

/// Deal (lead) registration by partner users: duplicate detection, then an approval process
/// (``processName``) whose final approval marks the lead approved and whose rejection marks it rejected.
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

    /// Records that a registration would duplicate, without saving anything.
    public func duplicates(of draft: LeadRegistrationDraft) throws -> [LeadDuplicate] {
        try detector.duplicates(of: makeLead(from: draft, id: "probe", partner: nil, owner: nil), in: environment.store.snapshot())
    }

    /// A partner user registers a deal: the lead is saved as submitted and enters approval
    /// in one transaction. Duplicates refuse the registration unless `acceptingDuplicates`.
    public func register(
        _ draft: LeadRegistrationDraft, by partnerUser: ID<User>, acceptingDuplicates: Bool = false
    ) throws -> (lead: Lead, request: ApprovalRequest) {
        let (lead, request) = try environment.store.write { tx -> (Lead, ApprovalRequest) in
            let (user, account) = try PartnerLookup.partner(partnerUser, in: tx)
            let lead = makeLead(from: draft, id: .generate(prefix: "lead"), partner: account.id, owner: user.id)
            do { try lead.validate() } catch let error as ValidationError { throw PartnerError.invalid(error) }
            try environment.require(.create, user: partnerUser, record: lead, in: tx)
            let matches = try detector.duplicates(of: lead, in: tx)
            if !matches.isEmpty, !acceptingDuplicates { throw PartnerError.duplicateRegistration(matches) }
            try tx.put(lead, expecting: .absent)
            let request = try approvals.submit(
                ApprovalItem(lead.id), to: Self.processName, by: partnerUser,
                comment: matches.isEmpty ? "" : "possible duplicates: \(matches.map(\.description).joined(separator: ", "))",
                in: tx)
            return (lead, request)
        }
        environment.bus.publish(
            ApprovalDecided(
                requestID: request.id, processName: request.processName, item: request.item, action: .submitted,
                status: request.status, actor: partnerUser, occurredAt: environment.clock.now()))
        return (lead, request)
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
            product: draft.product, owner: .user(owner ?? ID("probe")), customFields: draft.customFields)
    }
}
