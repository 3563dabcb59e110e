public import CommunityModel
public import CommunityAccess

/// A named group of viewers defined by criteria, used by pages, variations, components and
/// menu items.
public struct Audience: Sendable, Hashable, Codable {
    /// Unique within a site.
    public var id: String
    /// Display name.
    public var name: String
    /// The criteria.
    public var criteria: AudienceCriterion

    /// An audience.
    public init(id: String, name: String, criteria: AudienceCriterion) {
        self.id = id
        self.name = name
        self.criteria = criteria
    }

    /// Whether `viewer` (looking at `record`, if any) belongs to the audience.
    public func includes(_ viewer: Viewer, record: (any Record)? = nil) -> Bool {
        AudienceEvaluator.evaluate(criteria, viewer: viewer, record: record)
    }

    /// Whether `viewer`, looking at a record as Access shows it to them (fields they may not read
    /// removed), belongs to the audience: record-field criteria see only the readable fields, so an
    /// audience never reveals a hidden value. How served record pages decide.
    public func includes(_ viewer: Viewer, visibleRecord: RedactedRecord?) -> Bool {
        AudienceEvaluator.evaluate(criteria, viewer: viewer, field: { visibleRecord?.value(of: $0) })
    }
}

/// Evaluates audience criteria against a viewer.
public enum AudienceEvaluator {
    /// Whether the criterion holds for the viewer and record.
    public static func evaluate(_ criterion: AudienceCriterion, viewer: Viewer, record: (any Record)?) -> Bool {
        evaluate(criterion, viewer: viewer, field: { record?.value(of: $0) })
    }

    /// Whether the criterion holds for the viewer, reading record fields through `field`.
    static func evaluate(_ criterion: AudienceCriterion, viewer: Viewer, field recordValue: (String) -> FieldValue?) -> Bool {
        switch criterion {
        case .everyone: return true
        case .all(let cs): return cs.allSatisfy { evaluate($0, viewer: viewer, field: recordValue) }
        case .any(let cs): return cs.contains { evaluate($0, viewer: viewer, field: recordValue) }
        case .not(let c): return !evaluate(c, viewer: viewer, field: recordValue)
        case .profile(let ids):
            guard let user = viewer.user else { return false }
            return ids.contains(user.profileID)
        case .permissionSet(let id): return viewer.permissionSetIDs.contains(id)
        case .permission(let name): return viewer.permissions.contains(name)
        case .userKind(let kinds): return kinds.contains(viewer.user?.kind ?? .guest)
        case .role(let ids):
            guard let role = viewer.user?.roleID else { return false }
            return ids.contains(role)
        case .accountField(let field, let comparison):
            return compare(viewer.account?.value(of: field), comparison)
        case .locale(let prefix):
            return viewer.locale.lowercased().hasPrefix(prefix.lowercased())
        case .recordField(let field, let comparison):
            return compare(recordValue(field), comparison)
        case .userField(let field, let comparison):
            return compare(viewer.user.flatMap { userValue($0, field) }, comparison)
        }
    }

    static func userValue(_ user: User, _ field: String) -> FieldValue? {
        switch field {
        case "Id": .reference(user.id.rawValue)
        case "Name": .text(user.name)
        case "Email": .text(user.email)
        case "Department": user.department.map(FieldValue.text)
        case "Locale": .text(user.locale)
        case "Kind": .picklist(user.kind.rawValue)
        case "IsSuperUser": .checkbox(user.isSuperUser)
        case "AccountId": user.accountID.map { .reference($0.rawValue) }
        default: nil
        }
    }

    static func compare(_ value: FieldValue?, _ comparison: FieldComparison) -> Bool {
        switch comparison {
        case .isSet: return value != nil
        case .equals(let values): return value.map { v in values.contains { same(v, $0) } } ?? false
        case .notEquals(let values): return !(value.map { v in values.contains { same(v, $0) } } ?? false)
        case .atLeast(let bound):
            guard let value, value.kindName == bound.kindName else { return false }
            return !FieldValue.ordered(value, bound)
        case .contains(let fragment):
            guard let value else { return false }
            return value.description.lowercased().contains(fragment.lowercased())
        }
    }

    static func same(_ a: FieldValue, _ b: FieldValue) -> Bool {
        if a == b { return true }
        switch (a, b) {
        case (.text, _), (.picklist, _), (.reference, _):
            return a.description.lowercased() == b.description.lowercased()
        default:
            return false
        }
    }
}
