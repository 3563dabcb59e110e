public import CommunityModel
import Foundation

/// Converts qualified leads into an account (new or existing), a contact and an
/// opportunity in one transaction, and keeps converted leads locked.
public final class LeadConversionService: Sendable {
    /// The shared environment.
    public let environment: ServiceEnvironment
    /// Custom field mapping.
    public let mapping: LeadFieldMapping
    /// Stages, for the new opportunity's probability.
    public let stages: OpportunityStages
    /// Lead statuses that may be converted.
    public let convertibleStatuses: Set<Lead.Status>

    /// Creates the service.
    public init(
        environment: ServiceEnvironment, mapping: LeadFieldMapping = LeadFieldMapping(),
        stages: OpportunityStages = .standard, convertibleStatuses: Set<Lead.Status> = [.qualified]
    ) {
        self.environment = environment
        self.mapping = mapping
        self.stages = stages
        self.convertibleStatuses = convertibleStatuses
    }

    /// Edits a lead (checked by Access); converted leads refuse with ``PartnerError/leadLocked(_:)``.
    @discardableResult
    public func edit(_ leadID: ID<Lead>, by user: ID<User>, _ change: @Sendable (inout Lead) -> Void) throws -> Lead {
        try environment.store.write { tx in
            guard let stored = try tx.get(leadID) else { throw PartnerError.unknownLead(leadID) }
            try environment.require(.edit, user: user, record: stored.value, in: tx)
            guard stored.value.status != .converted else { throw PartnerError.leadLocked(leadID) }
            var lead = stored.value
            change(&lead)
            guard lead.id == leadID else {
                throw PartnerError.invalid(ValidationError(field: "Lead.Id", reason: .invalidValue("cannot change")))
            }
            guard lead.status != .converted else {
                throw PartnerError.invalid(
                    ValidationError(field: "Lead.Status", reason: .invalidValue("convert through LeadConversionService")))
            }
            do { try lead.validate() } catch let error as ValidationError { throw PartnerError.invalid(error) }
            try tx.put(lead, expecting: .exactly(stored.version))
            return lead
        }
    }

    /// Converts a lead. Everything is written in one transaction: if any record is
    /// invalid or refused, nothing is left behind.
    @discardableResult
    public func convert(_ request: LeadConversionRequest, by user: ID<User>) throws -> LeadConversion {
        guard let stage = stages.stage(named: request.stage) else { throw PartnerError.unknownStage(request.stage) }
        return try environment.store.write { tx in
            guard let stored = try tx.get(request.leadID) else { throw PartnerError.unknownLead(request.leadID) }
            var lead = stored.value
            try environment.require(.edit, user: user, record: lead, in: tx)
            guard lead.status != .converted else { throw PartnerError.leadLocked(lead.id) }
            guard convertibleStatuses.contains(lead.status) else {
                throw PartnerError.wrongLeadStatus(
                    lead.id, status: lead.status, expected: convertibleStatuses.sorted { $0.rawValue < $1.rawValue })
            }
            guard let converter = try tx.value(user) else { throw PartnerError.notAPartnerUser(user) }
            // Accounts and contacts are owned by an internal user: the converter if internal,
            // otherwise the channel manager who owns the lead's partner account.
            let internalOwner: ID<User>
            if converter.kind == .internal {
                internalOwner = user
            } else if let partner = try lead.partnerAccountID.flatMap({ try tx.value($0) }), let owner = partner.owner.user {
                internalOwner = owner
            } else {
                throw PartnerError.notAPartnerUser(user)
            }
            let mapped = { (target: LeadFieldMapping.Target) -> [String: FieldValue] in
                var fields: [String: FieldValue] = [:]
                for (source, destination) in self.mapping.customFields where destination.target == target {
                    if let value = lead.customFields[source] { fields[destination.field] = value }
                }
                return fields
            }

            // Account: join or create.
            let account: Account
            var created = false
            if let existing = request.existingAccountID {
                guard var joined = try tx.value(existing) else { throw PartnerError.unknownAccount(existing) }
                try environment.require(.read, user: user, record: joined, in: tx)
                let extra = mapped(.account)
                if !extra.isEmpty {
                    try environment.require(.edit, user: user, record: joined, in: tx)
                    joined.customFields.merge(extra) { old, _ in old }
                    try tx.put(joined)
                }
                account = joined
            } else {
                var newAccount = Account(
                    id: .generate(prefix: "acc"), name: lead.company, owner: internalOwner, region: lead.region,
                    website: lead.emailDomain, customFields: mapped(.account))
                newAccount.customFields["SourceLeadId"] = .reference(lead.id.rawValue)
                do { try newAccount.validate() } catch let error as ValidationError { throw PartnerError.invalid(error) }
                try environment.require(.create, user: user, record: newAccount, in: tx)
                try tx.put(newAccount, expecting: .absent)
                account = newAccount
                created = true
            }

            // Contact.
            let contact = Contact(
                id: .generate(prefix: "con"), firstName: lead.firstName, lastName: lead.lastName, email: lead.email,
                accountID: account.id, owner: internalOwner, customFields: mapped(.contact))
            do { try contact.validate() } catch let error as ValidationError { throw PartnerError.invalid(error) }
            try environment.require(.create, user: user, record: contact, in: tx)
            try tx.put(contact, expecting: .absent)

            // Opportunity.
            var opportunityID: ID<Opportunity>?
            if request.createOpportunity {
                var fields = mapped(.opportunity)
                if let product = lead.product { fields["Product"] = .picklist(product) }
                let name = request.opportunityName
                    ?? (lead.product.map { "\(lead.company) – \($0)" } ?? lead.company)
                let opportunity = Opportunity(
                    id: .generate(prefix: "opp"), name: name, accountID: account.id, stage: stage.name,
                    amount: request.amount, closeDate: request.closeDate, probability: stage.probability,
                    partnerAccountID: lead.partnerAccountID, region: lead.region,
                    owner: converter.kind == .guest ? internalOwner : user, customFields: fields, siteID: lead.siteID)
                do { try opportunity.validate() } catch let error as ValidationError { throw PartnerError.invalid(error) }
                try environment.require(.create, user: user, record: opportunity, in: tx)
                try tx.put(opportunity, expecting: .absent)
                opportunityID = opportunity.id
            }

            // Lock the lead.
            lead.status = .converted
            try tx.put(lead, expecting: .exactly(stored.version))
            let conversion = LeadConversion(
                id: lead.id.retyped(), leadID: lead.id, accountID: account.id, createdAccount: created,
                contactID: contact.id, opportunityID: opportunityID, convertedBy: user,
                convertedAt: environment.clock.now(), siteID: lead.siteID)
            try tx.put(conversion, expecting: .absent)
            return conversion
        }
    }
}
