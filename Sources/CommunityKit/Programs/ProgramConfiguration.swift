public import CommunityModel
public import CommunityEngagement
public import Foundation

/// How a ``Community`` runs its partner and employee programs: lead distribution, market
/// development funds and the employee portal's request approvals.
public struct ProgramConfiguration: Sendable {
    /// The queue that owns pooled leads waiting to be offered to partners.
    public var leadPool: ID<Queue>
    /// How long a partner has to accept or decline an offered lead before it returns to the pool.
    public var leadOfferResponseTime: TimeInterval
    /// Ordered rules that offer pooled leads to partners automatically.
    public var leadDistributionRules: [LeadDistributionRule]
    /// Tier gates for leads and fund limits.
    public var tiers: PartnerTierPolicy
    /// Approval steps for market development fund requests.
    public var fundRequestSteps: [ApprovalStep]
    /// Approval steps for fund claims.
    public var fundClaimSteps: [ApprovalStep]
    /// Roles whose holders may publish employee announcements (empty: any employee).
    public var announcementPublisherRoles: Set<ID<Role>>
    /// Employee request kinds (such as `leave`) and their approval steps.
    public var employeeRequestKinds: [String: [ApprovalStep]]
    /// Lead statuses that may be converted into an account, contact and opportunity: qualified
    /// leads, and partner registrations a channel manager approved.
    public var convertibleLeadStatuses: Set<Lead.Status> = [.qualified, .approved]

    /// A configuration; every approval defaults to the submitter's manager.
    public init(
        leadPool: ID<Queue> = "lead-pool", leadOfferResponseTime: TimeInterval = 48 * 3600,
        leadDistributionRules: [LeadDistributionRule] = [], tiers: PartnerTierPolicy = PartnerTierPolicy(),
        fundRequestSteps: [ApprovalStep] = [ApprovalStep(name: "Manager review", approvers: [.submittersManager])],
        fundClaimSteps: [ApprovalStep] = [ApprovalStep(name: "Manager review", approvers: [.submittersManager])],
        announcementPublisherRoles: Set<ID<Role>> = [],
        employeeRequestKinds: [String: [ApprovalStep]] = ["leave": [ApprovalStep(name: "Manager review", approvers: [.submittersManager])]]
    ) {
        self.leadPool = leadPool
        self.leadOfferResponseTime = leadOfferResponseTime
        self.leadDistributionRules = leadDistributionRules
        self.tiers = tiers
        self.fundRequestSteps = fundRequestSteps
        self.fundClaimSteps = fundClaimSteps
        self.announcementPublisherRoles = announcementPublisherRoles
        self.employeeRequestKinds = employeeRequestKinds
    }
}
