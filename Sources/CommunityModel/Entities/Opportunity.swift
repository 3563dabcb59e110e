public import Foundation

/// A deal in progress with an account.
public struct Opportunity: Record, Hashable {
    public static let entityType: EntityType = "Opportunity"
    public static var indexedFields: [IndexedField<Opportunity>] {
        [
            IndexedField("owner") { .reference($0.owner.description) },
            IndexedField("accountID") { $0.accountID.map { .reference($0.rawValue) } },
            IndexedField("partnerAccountID") { $0.partnerAccountID.map { .reference($0.rawValue) } },
            IndexedField("stage") { .picklist($0.stage) },
            IndexedField("closeDate") { .date($0.closeDate) },
        ]
    }

    public var id: ID<Opportunity>
    public var name: String
    /// The customer account.
    public var accountID: ID<Account>?
    /// Sales stage, such as `Prospecting` or `Closed Won`.
    public var stage: String
    /// The deal's amount.
    public var amount: Decimal?
    /// Expected close date.
    public var closeDate: Day
    /// Win probability in percent, 0 to 100.
    public var probability: Int
    /// The partner account working the deal.
    public var partnerAccountID: ID<Account>?
    /// The next step agreed.
    public var nextStep: String?
    public var region: String?
    public var owner: Owner
    public var customFields: [String: FieldValue]

    /// Creates an opportunity.
    public init(
        id: ID<Opportunity>, name: String, accountID: ID<Account>?, stage: String, amount: Decimal? = nil,
        closeDate: Day, probability: Int = 10, partnerAccountID: ID<Account>? = nil, nextStep: String? = nil,
        region: String? = nil, owner: ID<User>, customFields: [String: FieldValue] = [:]
    ) {
        self.id = id
        self.name = name
        self.accountID = accountID
        self.stage = stage
        self.amount = amount
        self.closeDate = closeDate
        self.probability = probability
        self.partnerAccountID = partnerAccountID
        self.nextStep = nextStep
        self.region = region
        self.owner = .user(owner)
        self.customFields = customFields
    }

    public func value(of field: String) -> FieldValue? {
        switch field {
        case "Id": .reference(id.rawValue)
        case "Name": .text(name)
        case "AccountId": accountID.map { .reference($0.rawValue) }
        case "StageName": .picklist(stage)
        case "Amount": amount.map(FieldValue.currency)
        case "CloseDate": .date(closeDate)
        case "Probability": .number(Double(probability))
        case "PartnerAccountId": partnerAccountID.map { .reference($0.rawValue) }
        case "NextStep": nextStep.map(FieldValue.text)
        case "Region": region.map(FieldValue.picklist)
        case "OwnerId": .reference(owner.description)
        default: customFields[field]
        }
    }

    /// Checks standard fields: name and stage, a non-negative amount, probability 0–100.
    public func validate() throws(ValidationError) {
        try Check.text(name, field: "Opportunity.Name", max: 120)
        try Check.text(stage, field: "Opportunity.StageName", max: 40)
        if let amount, amount < 0 {
            throw ValidationError(field: "Opportunity.Amount", reason: .outOfRange("\(amount) < 0"))
        }
        guard (0...100).contains(probability) else {
            throw ValidationError(field: "Opportunity.Probability", reason: .outOfRange("\(probability) not in 0...100"))
        }
        if let nextStep { try Check.text(nextStep, field: "Opportunity.NextStep", max: 255, required: false) }
    }
}
