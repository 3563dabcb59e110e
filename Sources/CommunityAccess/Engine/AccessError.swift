public import CommunityModel

/// Why the access engine refused a configuration or an operation. Says what and where.
public enum AccessError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The user may not perform the action on the record.
    case insufficientAccess(user: ID<User>, object: EntityType, record: String, action: AccessAction)
    /// The user may not edit a field of the record (field-level security).
    case fieldNotEditable(user: ID<User>, object: EntityType, field: String)
    /// An external default more open than the internal one.
    case externalMoreOpenThanInternal(object: EntityType, internal: OrgWideDefault.Model, external: OrgWideDefault.Model)
    /// An org-wide default that is not allowed for the object, with the reason.
    case invalidDefault(object: EntityType, reason: String)
    /// A sharing rule that breaks a rule of its kind, with the reason.
    case invalidRule(rule: ID<SharingRule>, reason: String)
    /// More than 300 sharing rules on an object.
    case tooManyRules(object: EntityType, limit: Int)
    /// More than 50 criteria-based or guest sharing rules on an object.
    case tooManyCriteriaRules(object: EntityType, limit: Int)
    /// Group nesting that would loop back to the group.
    case groupCycle(group: ID<PublicGroup>, through: ID<PublicGroup>)
    /// A member a group or queue may not have (high-volume users, guests), with the reason.
    case invalidMember(container: String, member: ID<User>, reason: String)
    /// A guest user named as a record owner.
    case guestCannotOwnRecords(user: ID<User>)
    /// A share that is not allowed (to a guest, by or to a high-volume user, on a public object).
    case shareNotAllowed(record: String, reason: String)
    /// An id the engine does not know.
    case unknown(kind: String, id: String)

    public var description: String {
        switch self {
        case .insufficientAccess(let user, let object, let record, let action):
            "user \(user) may not \(action) \(object) \(record)"
        case .fieldNotEditable(let user, let object, let field): "user \(user) may not edit \(object).\(field)"
        case .externalMoreOpenThanInternal(let object, let i, let e):
            "\(object): external default \(e) is more open than internal default \(i)"
        case .invalidDefault(let object, let reason): "\(object): \(reason)"
        case .invalidRule(let rule, let reason): "sharing rule \(rule): \(reason)"
        case .tooManyRules(let object, let limit): "\(object) already has \(limit) sharing rules"
        case .tooManyCriteriaRules(let object, let limit): "\(object) already has \(limit) criteria-based sharing rules"
        case .groupCycle(let group, let through): "group \(group) would contain itself through \(through)"
        case .invalidMember(let container, let member, let reason): "\(container) cannot contain \(member): \(reason)"
        case .guestCannotOwnRecords(let user): "guest user \(user) cannot own records"
        case .shareNotAllowed(let record, let reason): "cannot share \(record): \(reason)"
        case .unknown(let kind, let id): "unknown \(kind) \(id)"
        }
    }
}

/// Something a user may try to do with a record.
public enum AccessAction: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case read, edit, delete, transfer, share
    public var description: String { rawValue }
}
