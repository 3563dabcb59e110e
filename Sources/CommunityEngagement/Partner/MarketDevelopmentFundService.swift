public import CommunityModel
public import Foundation

/// Market development funds: budgets per partner and period, fund requests and claims, each
/// through an approval process, with tier limits and budget checks at submission and again
/// at final approval (inside the approving transaction).
public final class MarketDevelopmentFundService: Sendable {
    /// The approval process for fund requests.
    public static let requestProcess = "fundRequest"
    /// The approval process for fund claims.
    public static let claimProcess = "fundClaim"
    /// The shared environment.
    public let environment: ServiceEnvironment
    /// The approval engine.
    public let approvals: ApprovalEngine
    /// Tier limits.
    public let tiers: PartnerTierPolicy

    /// Creates the service and registers its two approval processes.
    public init(
        environment: ServiceEnvironment, approvals: ApprovalEngine, requestSteps: [ApprovalStep],
        claimSteps: [ApprovalStep], tiers: PartnerTierPolicy = PartnerTierPolicy()
    ) throws {
        self.environment = environment
        self.approvals = approvals
        self.tiers = tiers
        try approvals.register(
            ApprovalProcess(
                name: Self.requestProcess, steps: requestSteps,
                onFinalApproval: { outcome in
                    let tx = outcome.transaction
                    guard let id = outcome.request.item.id(as: FundRequest.self), var request = try tx.value(id) else {
                        throw PartnerError.unknownFundRecord(outcome.request.item.id)
                    }
                    let budgetID = FundBudget.id(partner: request.partnerAccountID, period: request.period)
                    guard var budget = try tx.value(budgetID), budget.available >= request.amount else {
                        throw PartnerError.overBudget(
                            requested: request.amount, available: try tx.value(budgetID)?.available ?? 0)
                    }
                    budget.committed += request.amount
                    request.status = .approved
                    try tx.put(budget)
                    try tx.put(request)
                },
                onRejection: { try Self.setRequest(.rejected, $0) },
                onRecall: { try Self.setRequest(.recalled, $0) }))
        try approvals.register(
            ApprovalProcess(
                name: Self.claimProcess, steps: claimSteps,
                onFinalApproval: { outcome in
                    let tx = outcome.transaction
                    guard let id = outcome.request.item.id(as: FundClaim.self), var claim = try tx.value(id),
                        var request = try tx.value(claim.requestID)
                    else { throw PartnerError.unknownFundRecord(outcome.request.item.id) }
                    guard request.claimed + claim.amount <= request.amount else {
                        throw PartnerError.overBudget(requested: claim.amount, available: request.amount - request.claimed)
                    }
                    request.claimed += claim.amount
                    claim.status = .approved
                    try tx.put(request)
                    try tx.put(claim)
                },
                onRejection: { try Self.setClaim(.rejected, $0) },
                onRecall: { try Self.setClaim(.recalled, $0) }))
    }

    private static func setRequest(_ status: FundRequest.Status, _ outcome: ApprovalOutcome) throws {
        guard let id = outcome.request.item.id(as: FundRequest.self), var request = try outcome.transaction.value(id)
        else { return }
        request.status = status
        try outcome.transaction.put(request)
    }

    private static func setClaim(_ status: FundClaim.Status, _ outcome: ApprovalOutcome) throws {
        guard let id = outcome.request.item.id(as: FundClaim.self), var claim = try outcome.transaction.value(id)
        else { return }
        claim.status = status
        try outcome.transaction.put(claim)
    }

    /// Sets a partner's budget for a period (an internal user with edit access to the partner account).
    @discardableResult
    public func allocate(
        _ amount: Decimal, to partner: ID<Account>, period: String, by user: ID<User>
    ) throws -> FundBudget {
        guard amount >= 0 else {
            throw PartnerError.invalid(ValidationError(field: "FundBudget.Allocated", reason: .outOfRange("\(amount) < 0")))
        }
        do { try Check.text(period, field: "FundBudget.Period", max: 16) } catch { throw PartnerError.invalid(error) }
        return try environment.store.write { tx in
            let account = try PartnerLookup.partnerAccount(partner, in: tx)
            try environment.require(.edit, user: user, record: account, in: tx)
            var budget = try tx.value(FundBudget.id(partner: partner, period: period))
                ?? FundBudget(partnerAccountID: partner, period: period, allocated: 0)
            guard amount >= budget.committed else {
                throw PartnerError.overBudget(requested: budget.committed, available: amount)
            }
            budget.allocated = amount
            try tx.put(budget)
            return budget
        }
    }

    /// A partner user requests funds: within the tier's limit and the period's remaining budget.
    /// `site` is the site the request is made in (`nil`: outside any site).
    public func requestFunds(
        _ amount: Decimal, for activity: String, period: String, by partnerUser: ID<User>, site: String? = nil
    ) throws -> (request: FundRequest, approval: ApprovalRequest) {
        guard amount > 0 else {
            throw PartnerError.invalid(ValidationError(field: "FundRequest.Amount", reason: .outOfRange("\(amount) <= 0")))
        }
        do { try Check.text(activity, field: "FundRequest.Activity", max: 255) } catch { throw PartnerError.invalid(error) }
        return try environment.store.write { tx in
            let (user, account) = try PartnerLookup.partner(partnerUser, in: tx)
            let limit = tiers.fundLimit(for: account)
            guard amount <= limit else { throw PartnerError.overBudget(requested: amount, available: limit) }
            let available = try tx.value(FundBudget.id(partner: account.id, period: period))?.available ?? 0
            guard amount <= available else { throw PartnerError.overBudget(requested: amount, available: available) }
            let request = FundRequest(
                id: .generate(prefix: "fr"), partnerAccountID: account.id, requestedBy: user.id, period: period,
                activity: activity, amount: amount, claimed: 0, status: .submitted, requestedAt: environment.clock.now(),
                siteID: site)
            try tx.put(request, expecting: .absent)
            let approval = try approvals.submit(ApprovalItem(request.id), to: Self.requestProcess, by: partnerUser, in: tx)
            return (request, approval)
        }
    }

    /// A partner user claims money spent against an approved request of their account. `site` is
    /// the site the claim is made in; `nil` takes the request's site.
    public func claim(
        _ amount: Decimal, against requestID: ID<FundRequest>, proof: String, by partnerUser: ID<User>, site: String? = nil
    ) throws -> (claim: FundClaim, approval: ApprovalRequest) {
        guard amount > 0 else {
            throw PartnerError.invalid(ValidationError(field: "FundClaim.Amount", reason: .outOfRange("\(amount) <= 0")))
        }
        do { try Check.text(proof, field: "FundClaim.Proof", max: 4_000) } catch { throw PartnerError.invalid(error) }
        return try environment.store.write { tx in
            let (_, account) = try PartnerLookup.partner(partnerUser, in: tx)
            guard let request = try tx.value(requestID), request.partnerAccountID == account.id else {
                throw PartnerError.unknownFundRecord(requestID.rawValue)
            }
            guard request.status == .approved else {
                throw PartnerError.wrongFundStatus(requestID.rawValue, status: request.status.rawValue)
            }
            guard request.claimed + amount <= request.amount else {
                throw PartnerError.overBudget(requested: amount, available: request.amount - request.claimed)
            }
            let claim = FundClaim(
                id: .generate(prefix: "fc"), requestID: requestID, claimedBy: partnerUser, amount: amount, proof: proof,
                status: .submitted, claimedAt: environment.clock.now(), siteID: site ?? request.siteID)
            try tx.put(claim, expecting: .absent)
            let approval = try approvals.submit(ApprovalItem(claim.id), to: Self.claimProcess, by: partnerUser, in: tx)
            return (claim, approval)
        }
    }

    /// A partner account's budget for a period, if `viewer` may read the account.
    public func budget(of partner: ID<Account>, period: String, viewer: ID<User>) throws -> FundBudget? {
        let reader = environment.store.snapshot()
        let account = try PartnerLookup.partnerAccount(partner, in: reader)
        try environment.require(.read, user: viewer, record: account, in: reader)
        return try reader.value(FundBudget.id(partner: partner, period: period))
    }

    /// A partner user's own account's budget for a period (no account permission needed: it is
    /// their own programme); `nil` when none was allocated.
    ///
    /// - Throws: ``PartnerError`` when the user is not an active partner user.
    public func budget(period: String, viewer partnerUser: ID<User>) throws -> FundBudget? {
        let reader = environment.store.snapshot()
        let (_, account) = try PartnerLookup.partner(partnerUser, in: reader)
        return try reader.value(FundBudget.id(partner: account.id, period: period))
    }

    /// The fund requests of a partner user's own account, newest first.
    ///
    /// - Throws: ``PartnerError`` when the user is not an active partner user.
    public func requests(viewer partnerUser: ID<User>) throws -> [FundRequest] {
        let reader = environment.store.snapshot()
        let (_, account) = try PartnerLookup.partner(partnerUser, in: reader)
        return try reader.query(Query<FundRequest>().where("partnerAccountID", equals: .reference(account.id.rawValue)))
            .map(\.value).sorted { $0.requestedAt != $1.requestedAt ? $0.requestedAt > $1.requestedAt : $0.id > $1.id }
    }
}
