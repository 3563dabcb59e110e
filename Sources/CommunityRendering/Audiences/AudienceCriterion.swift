public import CommunityModel

/// A condition an audience tests, combined with `all`, `any` and `not`.
///
/// Audiences personalise what a viewer sees; they never grant access to records.
public indirect enum AudienceCriterion: Sendable, Hashable, Codable {
    /// Every viewer.
    case everyone
    /// Every criterion holds.
    case all([AudienceCriterion])
    /// At least one criterion holds.
    case any([AudienceCriterion])
    /// The criterion does not hold.
    case not(AudienceCriterion)
    /// The user's profile is one of these.
    case profile([ID<Profile>])
    /// The user has this permission set.
    case permissionSet(ID<PermissionSet>)
    /// The user holds this named permission.
    case permission(String)
    /// The user's licence kind is one of these (guests are `.guest`).
    case userKind([User.Kind])
    /// The user's role is one of these.
    case role([ID<Role>])
    /// A field of the user's account compares with a value.
    case accountField(String, FieldComparison)
    /// The user's locale starts with this prefix (`de`, `ko_KR`).
    case locale(String)
    /// A field of the record the page shows compares with a value.
    case recordField(String, FieldComparison)
    /// A field of the user compares with a value (`Department`, `Email`).
    case userField(String, FieldComparison)

    /// How many leaf criteria the audience has; the variation whose audience has most wins.
    public var criteriaCount: Int {
        switch self {
        case .everyone: 0
        case .all(let cs), .any(let cs): cs.map(\.criteriaCount).reduce(0, +)
        case .not(let c): c.criteriaCount
        default: 1
        }
    }
}

/// A comparison of a field value with literals.
public enum FieldComparison: Sendable, Hashable, Codable {
    /// Equal to one of the values (text compares case-insensitively).
    case equals([FieldValue])
    /// Not equal to any of the values.
    case notEquals([FieldValue])
    /// Greater than or equal to the value (same kind).
    case atLeast(FieldValue)
    /// Text contains the fragment, case-insensitively.
    case contains(String)
    /// The field has a value.
    case isSet
}
