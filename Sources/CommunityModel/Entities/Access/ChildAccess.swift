/// Access to an account's child records (cases, contacts, opportunities) that comes with
/// access to the account: a role's "users in this role can view/edit all cases of accounts
/// they own", an account sharing rule's or account team member's child levels.
///
/// Each level is `.none`, `.read` or `.edit` (never `.all`).
public struct ChildAccess: Hashable, Sendable, Codable {
    /// Access to the account's cases.
    public var cases: AccessLevel
    /// Access to the account's contacts.
    public var contacts: AccessLevel
    /// Access to the account's opportunities.
    public var opportunities: AccessLevel

    /// Creates child access levels.
    public init(cases: AccessLevel = .none, contacts: AccessLevel = .none, opportunities: AccessLevel = .none) {
        self.cases = cases
        self.contacts = contacts
        self.opportunities = opportunities
    }

    /// No child access.
    public static let none = ChildAccess()

    /// The level for a child object, `.none` for objects that are not account children.
    public func level(for object: EntityType) -> AccessLevel {
        switch object.name {
        case "Case": cases
        case "Contact": contacts
        case "Opportunity": opportunities
        default: .none
        }
    }
}
