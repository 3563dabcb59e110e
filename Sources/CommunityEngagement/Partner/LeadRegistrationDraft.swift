public import CommunityModel

/// What a partner user fills in to register a deal.
public struct LeadRegistrationDraft: Hashable, Sendable {
    public var firstName: String
    public var lastName: String
    /// The prospect's company.
    public var company: String
    /// The prospect's e-mail address.
    public var email: String?
    public var region: String?
    /// Product of interest.
    public var product: String?
    /// Custom field values.
    public var customFields: [String: FieldValue]
    /// The site the registration is made in; `nil` when the host makes it outside any site.
    public var site: String?

    /// Creates a draft.
    public init(
        firstName: String = "", lastName: String, company: String, email: String? = nil, region: String? = nil,
        product: String? = nil, customFields: [String: FieldValue] = [:], site: String? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.company = company
        self.email = email
        self.region = region
        self.product = product
        self.customFields = customFields
        self.site = site
    }
}
