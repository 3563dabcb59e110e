public import CommunityModel
public import Foundation

/// Why a partner-relationship action was refused.
public enum PartnerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The user is not an active partner user of a partner account.
    case notAPartnerUser(ID<User>)
    /// No lead with this id.
    case unknownLead(ID<Lead>)
    /// No account with this id, or not a partner account where one is needed.
    case unknownAccount(ID<Account>)
    /// Duplicate reviews are for internal users who review the registration; the user is not one.
    case reviewRestricted(ID<User>)
    /// A converted lead cannot change.
    case leadLocked(ID<Lead>)
    /// The lead is not in a status that allows the action.
    case wrongLeadStatus(ID<Lead>, status: Lead.Status, expected: [Lead.Status])
    /// A field value was rejected.
    case invalid(ValidationError)
    /// The partner tier is below what the action needs.
    case tierTooLow(account: ID<Account>, tier: Account.PartnerTier?, required: Account.PartnerTier)
    /// No open offer of this lead to this partner.
    case noOpenOffer(lead: ID<Lead>, account: ID<Account>)
    /// The lead already has an open offer.
    case alreadyOffered(ID<Lead>)
    /// The partner account has no active partner user to receive leads.
    case noRecipient(ID<Account>)
    /// The user is not the channel manager of the partner account.
    case notChannelManager(user: ID<User>, account: ID<Account>)
    /// No distribution rule matched the lead.
    case noMatchingRule(ID<Lead>)
    /// A stage the pipeline does not declare.
    case unknownStage(String)
    /// No opportunity with this id.
    case unknownOpportunity(ID<Opportunity>)
    /// A fund request over the partner tier's limit or the remaining budget.
    case overBudget(requested: Decimal, available: Decimal)
    /// No fund request or claim with this id.
    case unknownFundRecord(String)
    /// The fund request or claim is not in a status that allows the action.
    case wrongFundStatus(String, status: String)
    /// Configuration that cannot work.
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .notAPartnerUser(let user): "\(user) is not an active partner user"
        case .unknownLead(let id): "no lead \(id)"
        case .unknownAccount(let id): "no (partner) account \(id)"
        case .reviewRestricted(let user): "\(user) may not see duplicate reviews"
        case .leadLocked(let id): "lead \(id) is converted and locked"
        case .wrongLeadStatus(let id, let status, let expected):
            "lead \(id) is \(status.rawValue), expected \(expected.map(\.rawValue).joined(separator: " or "))"
        case .invalid(let error): error.description
        case .tierTooLow(let account, let tier, let required):
            "partner \(account) is \(tier?.rawValue ?? "untiered"), needs \(required.rawValue)"
        case .noOpenOffer(let lead, let account): "lead \(lead) has no open offer to \(account)"
        case .alreadyOffered(let lead): "lead \(lead) is already offered"
        case .noRecipient(let account): "partner \(account) has no active partner user"
        case .notChannelManager(let user, let account): "\(user) is not the channel manager of \(account)"
        case .noMatchingRule(let lead): "no distribution rule matches lead \(lead)"
        case .unknownStage(let stage): "unknown opportunity stage \(stage.debugDescription)"
        case .unknownOpportunity(let id): "no opportunity \(id)"
        case .overBudget(let requested, let available): "requested \(requested), only \(available) available"
        case .unknownFundRecord(let id): "no fund request or claim \(id)"
        case .wrongFundStatus(let id, let status): "\(id) is \(status)"
        case .invalidConfiguration(let detail): "invalid partner configuration: \(detail)"
        }
    }
}
