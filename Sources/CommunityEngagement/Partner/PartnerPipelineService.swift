public import CommunityModel
public import Foundation

/// Partner opportunities: creation, stage moves (probability follows the stage), amounts,
/// close dates, next steps, and pipeline views — every read and write through Access.
public final class PartnerPipelineService: Sendable {
    /// The shared environment.
    public let environment: ServiceEnvironment
    /// The stages and their probabilities.
    public let stages: OpportunityStages

    /// Creates the service.
    public init(environment: ServiceEnvironment, stages: OpportunityStages = .standard) {
        self.environment = environment
        self.stages = stages
    }

    /// A partner user creates an opportunity owned by them, for their partner account.
    @discardableResult
    public func create(_ draft: OpportunityDraft, by partnerUser: ID<User>) throws -> Opportunity {
        guard let stage = stages.stage(named: draft.stage) else { throw PartnerError.unknownStage(draft.stage) }
        return try environment.store.write { tx in
            let (user, account) = try PartnerLookup.partner(partnerUser, in: tx)
            let opportunity = Opportunity(
                id: .generate(prefix: "opp"), name: draft.name, accountID: draft.accountID, stage: stage.name,
                amount: draft.amount, closeDate: draft.closeDate, probability: stage.probability,
                partnerAccountID: account.id, nextStep: draft.nextStep, region: draft.region, owner: user.id,
                siteID: draft.site)
            do { try opportunity.validate() } catch let error as ValidationError { throw PartnerError.invalid(error) }
            try environment.require(.create, user: partnerUser, record: opportunity, in: tx)
            try tx.put(opportunity, expecting: .absent)
            return opportunity
        }
    }

    /// Changes an opportunity's stage (and with it the probability), amount, close date or next step.
    @discardableResult
    public func update(
        _ id: ID<Opportunity>, by user: ID<User>, stage: String? = nil, amount: Decimal? = nil, closeDate: Day? = nil,
        nextStep: String? = nil
    ) throws -> Opportunity {
        let newStage = try stage.map { name -> OpportunityStages.Stage in
            guard let found = stages.stage(named: name) else { throw PartnerError.unknownStage(name) }
            return found
        }
        return try environment.store.write { tx in
            guard let stored = try tx.get(id) else { throw PartnerError.unknownOpportunity(id) }
            try environment.require(.edit, user: user, record: stored.value, in: tx)
            var opportunity = stored.value
            if let newStage {
                opportunity.stage = newStage.name
                opportunity.probability = newStage.probability
            }
            if let amount { opportunity.amount = amount }
            if let closeDate { opportunity.closeDate = closeDate }
            if let nextStep { opportunity.nextStep = nextStep }
            do { try opportunity.validate() } catch let error as ValidationError { throw PartnerError.invalid(error) }
            try tx.put(opportunity, expecting: .exactly(stored.version))
            return opportunity
        }
    }

    /// The opportunity, if `viewer` may read it.
    public func opportunity(_ id: ID<Opportunity>, viewer: ID<User>) throws -> Opportunity {
        let reader = environment.store.snapshot()
        guard let opportunity = try reader.value(id) else { throw PartnerError.unknownOpportunity(id) }
        try environment.require(.read, user: viewer, record: opportunity, in: reader)
        return opportunity
    }

    /// Opportunities `viewer` may read, ordered by close date then id.
    public func visibleOpportunities(viewer: ID<User>) throws -> [Opportunity] {
        let reader = environment.store.snapshot()
        return try reader.query(Query<Opportunity>().ordered(by: "closeDate")).map(\.value).filter {
            try environment.access.isAllowed(.read, user: viewer, record: $0, in: reader)
        }
    }

    /// The pipeline of one partner account, as `viewer` may see it.
    public func pipeline(partnerAccount: ID<Account>, viewer: ID<User>) throws -> PipelineView {
        let reader = environment.store.snapshot()
        let opportunities = try reader.query(
            Query<Opportunity>().where("partnerAccountID", equals: .reference(partnerAccount.rawValue))
        ).map(\.value).filter { try environment.access.isAllowed(.read, user: viewer, record: $0, in: reader) }
        return view(of: opportunities)
    }

    /// The pipeline of every partner account a channel manager owns, as `viewer` may see it.
    public func pipeline(channelManager: ID<User>, viewer: ID<User>) throws -> PipelineView {
        let reader = environment.store.snapshot()
        let partners = try reader.query(
            Query<Account>().where("owner", equals: .reference(Owner.user(channelManager).description))
                .where("isPartner", equals: .checkbox(true))
        ).map { FieldValue.reference($0.value.id.rawValue) }
        guard !partners.isEmpty else { return view(of: []) }
        let opportunities = try reader.query(Query<Opportunity>().filter("partnerAccountID", .oneOf(partners)))
            .map(\.value).filter { try environment.access.isAllowed(.read, user: viewer, record: $0, in: reader) }
        return view(of: opportunities)
    }

    /// Totals by stage (the plain definition, also used by tests as the reference).
    public func view(of opportunities: [Opportunity]) -> PipelineView {
        var rows = stages.stages.map {
            PipelineView.StageTotal(stage: $0.name, count: 0, amount: 0, weightedAmount: 0)
        }
        for opportunity in opportunities {
            let amount = opportunity.amount ?? 0
            let weighted = amount * Decimal(opportunity.probability) / 100
            if let index = rows.firstIndex(where: { $0.stage == opportunity.stage }) {
                rows[index].count += 1
                rows[index].amount += amount
                rows[index].weightedAmount += weighted
            } else {
                rows.append(
                    PipelineView.StageTotal(stage: opportunity.stage, count: 1, amount: amount, weightedAmount: weighted))
            }
        }
        return PipelineView(stages: rows)
    }
}
