/// Org-wide sharing switches (a single entity with id `org`).
public struct SharingSettings: Entity, Hashable {
    public static let entityType: EntityType = "SharingSettings"
    /// Always `org`.
    public var id: ID<SharingSettings>
    /// Partner roles created per partner account: 1, 2 or 3.
    public var partnerRoleLevels: Int
    /// Customer roles created per customer account: 1, 2 or 3.
    public var customerRoleLevels: Int
    /// Whether an external user named as a case's contact gets access to the case.
    public var caseContactAccess: Bool

    /// Creates settings.
    public init(partnerRoleLevels: Int = 1, customerRoleLevels: Int = 1, caseContactAccess: Bool = true) {
        self.id = "org"
        self.partnerRoleLevels = partnerRoleLevels
        self.customerRoleLevels = customerRoleLevels
        self.caseContactAccess = caseContactAccess
    }
}
