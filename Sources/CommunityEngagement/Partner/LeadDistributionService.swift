public import CommunityModel
public import Foundation

/// Distributes pooled leads to partner accounts, by a channel manager or by rules, and
/// takes them back when the partner rejects them or lets the offer lapse.
///
/// A pooled lead is owned by ``poolQueue`` with no partner. Offered, it is owned by the
/// partner's lead recipient (super user, executive, manager, then any partner user) and
/// carries the partner account; accepted, its status becomes `working`.
public final class LeadDistributionService: Sendable {
    /// The shared environment.
    public let environment: ServiceEnvironment
    /// The queue that owns unassigned leads.
    public let poolQueue: ID<Queue>
    /// How long a partner has to answer an offer.
    public let responseTime: TimeInterval
    /// Ordered distribution rules.
    public let rules: [LeadDistributionRule]
    /// Tier gates.
    public let tiers: PartnerTierPolicy

    /// Creates the service.
    public init(
        environment: ServiceEnvironment, poolQueue: ID<Queue>, responseTime: TimeInterval = 48 * 3600,
        rules: [LeadDistributionRule] = [], tiers: PartnerTierPolicy = PartnerTierPolicy()
    ) throws(PartnerError) {
        guard responseTime > 0 else { throw .invalidConfiguration("response time must be positive") }
        let names = rules.map(\.name)
        guard Set(names).count == names.count else { throw .invalidConfiguration("rule names must be unique") }
        self.environment = environment
        self.poolQueue = poolQueue
        self.responseTime = responseTime
        self.rules = rules
        self.tiers = tiers
    }

    var now: Date { environment.clock.now() }

    /// Leads waiting in the pool that `viewer` may see.
    public func pooledLeads(viewer: ID<User>) throws -> [Lead] {
        let reader = environment.store.snapshot()
        return try reader.query(Query<Lead>().where("owner", equals: .reference(Owner.queue(poolQueue).description)))
            .map(\.value).filter { try environment.access.isAllowed(.read, user: viewer, record: $0, in: reader) }
    }

    /// A channel manager (the partner account's owner) offers a lead to one of their partners.
    @discardableResult
    public func offer(_ leadID: ID<Lead>, to account: ID<Account>, by channelManager: ID<User>) throws -> LeadOffer {
        try commitOffer(leadID) { tx, lead in
            let partner = try PartnerLookup.partnerAccount(account, in: tx)
            guard partner.owner.user == channelManager else {
                throw PartnerError.notChannelManager(user: channelManager, account: account)
            }
            try environment.require(.edit, user: channelManager, record: lead, in: tx)
            return (partner, channelManager, nil)
        }
    }

    /// Offers a pooled lead by the rules: the first matching rule, its next eligible partner in turn.
    @discardableResult
    public func distribute(_ leadID: ID<Lead>) throws -> LeadOffer {
        try commitOffer(leadID) { tx, lead in
            guard let rule = rules.first(where: { $0.matches(lead) }) else { throw PartnerError.noMatchingRule(leadID) }
            var eligible: [Account] = []
            for id in rule.partners {
                guard let account = try tx.value(id), tiers.receivesLeads(account) else { continue }
                if let minimum = rule.minimumTier, !PartnerTierPolicy.reaches(account.partnerTier, minimum) { continue }
                if try openOffers(of: id, in: tx) >= (account.partnerTier.flatMap { tiers.openLeadLimit[$0] } ?? 0) {
                    continue
                }
                eligible.append(account)
            }
            guard !eligible.isEmpty else { throw PartnerError.noMatchingRule(leadID) }
            let key = ID<Queue>(sanitizing: "rr." + rule.name)
            var rotation = try tx.value(key.retyped(as: QueueRotation.self)) ?? QueueRotation(queueID: key)
            let chosen = eligible[rotation.assigned % eligible.count]
            rotation.assigned += 1
            try tx.put(rotation)
            return (chosen, nil, rule.name)
        }
    }

    private func commitOffer(
        _ leadID: ID<Lead>,
        choose: (any StoreTransaction, Lead) throws -> (Account, ID<User>?, String?)
    ) throws -> LeadOffer {
        let (offer, recipient) = try environment.store.write { tx -> (LeadOffer, ID<User>) in
            guard var lead = try tx.value(leadID) else { throw PartnerError.unknownLead(leadID) }
            guard lead.status != .converted else { throw PartnerError.leadLocked(leadID) }
            guard lead.owner == .queue(poolQueue) else { throw PartnerError.alreadyOffered(leadID) }
            let (account, by, rule) = try choose(tx, lead)
            guard tiers.receivesLeads(account) else {
                throw PartnerError.tierTooLow(
                    account: account.id, tier: account.partnerTier, required: tiers.minimumTierForLeads)
            }
            let recipient = try PartnerLookup.leadRecipient(of: account.id, in: tx)
            let offer = LeadOffer(
                id: .generate(prefix: "lof"), leadID: leadID, partnerAccountID: account.id, recipientID: recipient,
                offeredBy: by, rule: rule, status: .open, offeredAt: now, expiresAt: now.addingTimeInterval(responseTime),
                closedAt: nil, reason: nil)
            lead.owner = .user(recipient)
            lead.partnerAccountID = account.id
            try tx.put(lead)
            try tx.put(offer, expecting: .absent)
            return (offer, recipient)
        }
        environment.notifier.notify(
            ServiceNotice(
                recipient: recipient, title: "New lead offered", recordType: Lead.entityType,
                recordID: leadID.rawValue, sentAt: now))
        return offer
    }

    private func openOffers(of account: ID<Account>, in reader: any StoreReader) throws -> Int {
        try reader.query(
            Query<LeadOffer>().where("partnerAccountID", equals: .reference(account.rawValue))
                .where("status", equals: .picklist(LeadOffer.Status.open.rawValue))
        ).count
    }

    /// A user of the partner accepts an open, unexpired offer; the lead becomes `working`.
    @discardableResult
    public func accept(_ leadID: ID<Lead>, by partnerUser: ID<User>) throws -> Lead {
        try answer(leadID, by: partnerUser, accept: true, reason: nil)
    }

    /// A user of the partner rejects an offer; the lead returns to the pool.
    @discardableResult
    public func reject(_ leadID: ID<Lead>, by partnerUser: ID<User>, reason: String = "") throws -> Lead {
        try answer(leadID, by: partnerUser, accept: false, reason: reason)
    }

    private func answer(_ leadID: ID<Lead>, by partnerUser: ID<User>, accept: Bool, reason: String?) throws -> Lead {
        if let reason {
            do { try Check.text(reason, field: "LeadOffer.Reason", max: 1_000, required: false) } catch {
                throw PartnerError.invalid(error)
            }
        }
        return try environment.store.write { tx in
            let (_, account) = try PartnerLookup.partner(partnerUser, in: tx)
            guard var lead = try tx.value(leadID) else { throw PartnerError.unknownLead(leadID) }
            try environment.require(.edit, user: partnerUser, record: lead, in: tx)
            guard var offer = try openOffer(of: leadID, in: tx), offer.partnerAccountID == account.id,
                now < offer.expiresAt
            else { throw PartnerError.noOpenOffer(lead: leadID, account: account.id) }
            offer.status = accept ? .accepted : .rejected
            offer.closedAt = now
            offer.reason = reason
            if accept {
                lead.status = .working
            } else {
                returnToPool(&lead)
            }
            try tx.put(offer)
            try tx.put(lead)
            return lead
        }
    }

    private func openOffer(of leadID: ID<Lead>, in reader: any StoreReader) throws -> LeadOffer? {
        try reader.query(
            Query<LeadOffer>().where("leadID", equals: .reference(leadID.rawValue))
                .where("status", equals: .picklist(LeadOffer.Status.open.rawValue))
        ).first?.value
    }

    private func returnToPool(_ lead: inout Lead) {
        lead.owner = .queue(poolQueue)
        lead.partnerAccountID = nil
        lead.status = .new
    }

    /// Expires every open offer whose time is up (by the clock) and returns its lead to the
    /// pool, one transaction per offer. Returns the leads returned.
    @discardableResult
    public func expireOffers() throws -> [ID<Lead>] {
        try expireOffers(at: now)
    }

    /// Expires every open offer whose time is up at `moment` (a scheduler's time), as
    /// ``expireOffers()``. Each offer expires once, also when runs overlap.
    @discardableResult
    public func expireOffers(at moment: Date) throws -> [ID<Lead>] {
        let open = try environment.store.snapshot().query(
            Query<LeadOffer>().where("status", equals: .picklist(LeadOffer.Status.open.rawValue))
        ).map(\.value).filter { $0.expiresAt <= moment }
        var returned: [ID<Lead>] = []
        for candidate in open {
            let done = try environment.store.write { tx -> Bool in
                guard var offer = try tx.value(candidate.id), offer.status == .open, offer.expiresAt <= moment else { return false }
                offer.status = .expired
                offer.closedAt = moment
                try tx.put(offer)
                if var lead = try tx.value(offer.leadID), lead.owner == .user(offer.recipientID),
                    lead.status != .converted
                {
                    returnToPool(&lead)
                    try tx.put(lead)
                }
                return true
            }
            if done { returned.append(candidate.leadID) }
        }
        return returned
    }

    /// Every offer ever made of a lead, oldest first.
    public func offers(of leadID: ID<Lead>) throws -> [LeadOffer] {
        try environment.store.snapshot().query(Query<LeadOffer>().where("leadID", equals: .reference(leadID.rawValue)))
            .map(\.value).sorted { ($0.offeredAt, $0.id) < ($1.offeredAt, $1.id) }
    }

    /// The offers a partner user's account may still answer (open and not yet expired by the
    /// clock), soonest to expire first, with the offered lead when the user may read it.
    ///
    /// - Throws: ``PartnerError`` when the user is not an active partner user.
    public func openOffers(viewer partnerUser: ID<User>) throws -> [(offer: LeadOffer, lead: Lead?)] {
        let reader = environment.store.snapshot()
        let (_, account) = try PartnerLookup.partner(partnerUser, in: reader)
        let moment = now
        let offers = try reader.query(
            Query<LeadOffer>().where("partnerAccountID", equals: .reference(account.id.rawValue))
                .where("status", equals: .picklist(LeadOffer.Status.open.rawValue))
        ).map(\.value).filter { $0.expiresAt > moment }.sorted { ($0.expiresAt, $0.id) < ($1.expiresAt, $1.id) }
        return try offers.map { offer in
            let lead = try reader.value(offer.leadID)
            let readable = try lead.map { try environment.access.isAllowed(.read, user: partnerUser, record: $0, in: reader) } ?? false
            return (offer, readable ? lead : nil)
        }
    }
}
