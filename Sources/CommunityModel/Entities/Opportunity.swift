public import Foundation

/// A deal in progress with an account.
public struct Opportunity: SharedFieldsRecord {
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

    /// The stored fields; read and write them as properties of the record itself, which
    /// looks them up here.
    public struct Fields: RecordFieldValues {
        /// The record's id.
        public var id: ID<Opportunity>
        /// The name.
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
        /// The region.
        public var region: String?
        /// The owner.
        public var owner: Owner
        /// Custom field values by API name.
        public var customFields: CustomFieldValues
        /// The site it was created through (Salesforce's NetworkId); `nil` when the host created it outside any site.
        public var siteID: String?
    }

    private var storage: FieldStorage<Fields>

    /// Creates an opportunity.
    public init(
        id: ID<Opportunity>, name: String, accountID: ID<Account>?, stage: String, amount: Decimal? = nil,
        closeDate: Day, probability: Int = 10, partnerAccountID: ID<Account>? = nil, nextStep: String? = nil,
        region: String? = nil, owner: ID<User>, customFields: [String: FieldValue] = [:], siteID: String? = nil
    ) {
        storage = FieldStorage(
            Fields(
                id: id, name: name, accountID: accountID, stage: stage, amount: amount, closeDate: closeDate,
                probability: probability, partnerAccountID: partnerAccountID, nextStep: nextStep, region: region,
                owner: .user(owner), customFields: CustomFieldValues(customFields), siteID: siteID))
    }

    /// All fields at once; copies of the record share them until one copy changes.
    public var fields: Fields {
        get { storage.fields }
        set { storage = FieldStorage(newValue) }
    }

    /// A record holding `fields`.
    public init(fields: Fields) { storage = FieldStorage(fields) }

    public var id: ID<Opportunity> { storage.fields.id }

    public var accountID: ID<Account>? { storage.fields.accountID }

    public func value(of field: String) -> FieldValue? {
        switch field {
        case "Id": .reference(storage.fields.id.rawValue)
        case "Name": .text(storage.fields.name)
        case "AccountId": storage.fields.accountID.map { .reference($0.rawValue) }
        case "StageName": .picklist(storage.fields.stage)
        case "Amount": storage.fields.amount.map(FieldValue.currency)
        case "CloseDate": .date(storage.fields.closeDate)
        case "Probability": .number(Double(storage.fields.probability))
        case "PartnerAccountId": storage.fields.partnerAccountID.map { .reference($0.rawValue) }
        case "NextStep": storage.fields.nextStep.map(FieldValue.text)
        case "Region": storage.fields.region.map(FieldValue.picklist)
        case "OwnerId": .reference(storage.fields.owner.description)
        case "NetworkId": storage.fields.siteID.map { .reference($0) }
        default: storage.fields.customFields[field]
        }
    }

    /// Checks standard fields: name and stage, a finite, non-negative amount of at most
    /// ``Check/maximumDecimalMagnitude``, probability 0–100, region of at most 40 characters;
    /// no control characters in any text; custom values as ``Check/customFields(_:object:)``
    /// checks them.
    public func validate() throws(ValidationError) {
        try Check.text(storage.fields.name, field: "Opportunity.Name", max: 120)
        try Check.text(storage.fields.stage, field: "Opportunity.StageName", max: 40)
        if let amount = storage.fields.amount {
            // NaN compares false with everything, so finiteness is checked before the sign.
            try Check.decimal(amount, field: "Opportunity.Amount")
            if amount.sign == .minus, !amount.isZero {
                throw ValidationError(field: "Opportunity.Amount", reason: .outOfRange("\(amount) < 0"))
            }
        }
        try Check.optionalText(storage.fields.region, field: "Opportunity.Region", max: 40)
        try Check.optionalText(storage.fields.siteID, field: "Opportunity.NetworkId", max: 64)
        try Check.customFields(storage.fields.customFields, object: Self.entityType)
        let probability = storage.fields.probability
        guard (0...100).contains(probability) else {
            throw ValidationError(field: "Opportunity.Probability", reason: .outOfRange("\(probability) not in 0...100"))
        }
        if let nextStep = storage.fields.nextStep {
            try Check.text(nextStep, field: "Opportunity.NextStep", max: 255, required: false)
        }
    }
}
