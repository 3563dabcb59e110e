import Foundation

/// A company: a customer, a partner, or both.
public struct Account: SharedFieldsRecord {
    /// Partner programme tier, which gates materials, leads and fund limits.
    public enum PartnerTier: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        case registered, silver, gold, platinum

        public static func < (lhs: PartnerTier, rhs: PartnerTier) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    public static let entityType: EntityType = "Account"
    public static var indexedFields: [IndexedField<Account>] {
        [
            IndexedField("owner") { .reference($0.owner.description) },
            IndexedField("parentID") { $0.parentID.map { .reference($0.rawValue) } },
            IndexedField("isPartner") { .checkbox($0.isPartner) },
            IndexedField("region") { $0.region.map(FieldValue.picklist) },
            IndexedField("normalizedName") { .text(Account.normalize(name: $0.name)) },
        ]
    }

    /// The stored fields; read and write them as properties of the record itself, which
    /// looks them up here.
    public struct Fields: RecordFieldValues {
        /// The record's id.
        public var id: ID<Account>
        /// The company name.
        public var name: String
        /// The owner; accounts are always owned by users (never queues, never high-volume users).
        public var owner: Owner
        /// The parent account in an account hierarchy.
        public var parentID: ID<Account>?
        /// Whether the account is enabled as a partner.
        public var isPartner: Bool
        /// The partner tier, for partner accounts.
        public var partnerTier: PartnerTier?
        /// Sales region such as `NA`, `EMEA`, `APAC`, `LATAM`.
        public var region: String?
        /// Industry.
        public var industry: String?
        /// The company's web domain, for duplicate detection (for example `acme.example`).
        public var website: String?
        /// Custom field values by API name.
        public var customFields: CustomFieldValues
    }

    private var storage: FieldStorage<Fields>

    /// Creates an account.
    public init(
        id: ID<Account>, name: String, owner: ID<User>, parentID: ID<Account>? = nil, isPartner: Bool = false,
        partnerTier: PartnerTier? = nil, region: String? = nil, industry: String? = nil, website: String? = nil,
        customFields: [String: FieldValue] = [:]
    ) {
        storage = FieldStorage(
            Fields(
                id: id, name: name, owner: .user(owner), parentID: parentID, isPartner: isPartner,
                partnerTier: partnerTier, region: region, industry: industry, website: website,
                customFields: CustomFieldValues(customFields)))
    }

    /// All fields at once; copies of the record share them until one copy changes.
    public var fields: Fields {
        get { storage.fields }
        set { storage = FieldStorage(newValue) }
    }

    /// A record holding `fields`.
    public init(fields: Fields) { storage = FieldStorage(fields) }

    public var id: ID<Account> { storage.fields.id }

    /// An account is its own account, for sharing that looks up "the record's account".
    public var accountID: ID<Account>? { id }

    public func value(of field: String) -> FieldValue? {
        switch field {
        case "Id": .reference(storage.fields.id.rawValue)
        case "Name": .text(storage.fields.name)
        case "OwnerId": .reference(storage.fields.owner.description)
        case "ParentId": storage.fields.parentID.map { .reference($0.rawValue) }
        case "IsPartner": .checkbox(storage.fields.isPartner)
        case "PartnerTier": storage.fields.partnerTier.map { .picklist($0.rawValue) }
        case "Region": storage.fields.region.map(FieldValue.picklist)
        case "Industry": storage.fields.industry.map(FieldValue.picklist)
        case "Website": storage.fields.website.map(FieldValue.text)
        default: storage.fields.customFields[field]
        }
    }

    /// Checks standard fields: a name of at most 255 characters, a user owner, no self-parent,
    /// a tier only on partner accounts; region and industry of at most 40 characters, a
    /// website of at most 255; no control characters in any text; custom values as
    /// ``Check/customFields(_:object:)`` checks them.
    public func validate() throws(ValidationError) {
        let f = storage.fields
        try Check.text(f.name, field: "Account.Name", max: 255)
        try Check.optionalText(f.region, field: "Account.Region", max: 40)
        try Check.optionalText(f.industry, field: "Account.Industry", max: 40)
        try Check.optionalText(f.website, field: "Account.Website", max: 255)
        try Check.customFields(f.customFields, object: Self.entityType)
        guard storage.fields.owner.user != nil else {
            throw ValidationError(field: "Account.OwnerId", reason: .invalidValue("accounts are owned by users"))
        }
        if storage.fields.parentID == storage.fields.id {
            throw ValidationError(field: "Account.ParentId", reason: .invalidValue("an account cannot be its own parent"))
        }
        if storage.fields.partnerTier != nil, !storage.fields.isPartner {
            throw ValidationError(field: "Account.PartnerTier", reason: .invalidValue("only partner accounts have a tier"))
        }
    }

    /// A company name folded for duplicate detection: lower case, diacritics and legal
    /// suffixes (Inc, GmbH, Ltd, AG, Co, Corp, LLC, 주식회사) and punctuation removed.
    public static func normalize(name: String) -> String {
        if let ascii = normalizeASCII(name) { return ascii }
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        let words = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let suffixes: Set<String> = [
            "inc", "incorporated", "gmbh", "ltd", "limited", "ag", "co", "corp", "corporation", "llc", "plc",
            "sa", "se", "kg", "the", "주식회사", "(주)", "주",
        ]
        return words.filter { !suffixes.contains($0) }.joined(separator: " ")
    }

    /// ``normalize(name:)`` for an all-ASCII name, on bytes (folding ASCII only lowers its
    /// case; letters and digits are its only letters and numbers): the index computes it on
    /// every account write. `nil` for any other name.
    private static func normalizeASCII(_ name: String) -> String? {
        var words: [String] = []
        var word: [UInt8] = []
        func flush() {
            guard !word.isEmpty else { return }
            let text = String(decoding: word, as: UTF8.self)
            if !asciiSuffixes.contains(text) { words.append(text) }
            word.removeAll(keepingCapacity: true)
        }
        for byte in name.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            default: flush()
            }
        }
        flush()
        return words.joined(separator: " ")
    }

    private static let asciiSuffixes: Set<String> = [
        "inc", "incorporated", "gmbh", "ltd", "limited", "ag", "co", "corp", "corporation", "llc", "plc", "sa", "se", "kg", "the",
    ]
}
