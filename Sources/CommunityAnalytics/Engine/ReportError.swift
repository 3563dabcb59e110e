public import CommunityModel

/// Why a report, a dashboard or a saved report cannot be run, saved or imported; each case
/// names the object, field, value or record at fault.
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No such object in the schema.
    case unknownObject(EntityType)
    /// No such field on the object (or, for a path `Lookup.Field`, on the related object).
    case unknownField(object: EntityType, field: String)
    /// The first part of a path `Lookup.Field` is not a lookup field of the object.
    case notALookup(object: EntityType, field: String)
    /// The viewer may not read the object at all.
    case objectNotReadable(EntityType)
    /// Field-level security hides the field from the viewer, who therefore may not show,
    /// group, filter or summarise by it (`use` says which).
    case fieldNotReadable(object: EntityType, field: String, use: String)
    /// A filter value does not fit the field's type.
    case invalidFilterValue(field: String, value: String, expected: String)
    /// The operator does not apply to the field's type, or got the wrong number of values.
    case invalidOperator(field: String, operator: ReportOperator, reason: String)
    /// A summary function does not apply to the field's type.
    case invalidSummary(field: String, function: ReportSummary.Function, reason: String)
    /// More row groupings than a report may have, or a grouping used twice.
    case invalidGrouping(field: String, reason: String)
    /// The definition is too large (too many columns, conditions, or nesting).
    case tooComplex(String)
    /// The report matched more detail rows than the row limit (raised only when the caller asks
    /// for a complete answer, ``ReportResult/requireComplete()``).
    case rowLimitExceeded(limit: Int, matched: Int)
    /// A saved report's or dashboard's JSON could not be read.
    case malformedDefinition(String)
    /// No saved report, dashboard or folder with the id, or not one the viewer may read.
    case notFound(kind: String, id: String)
    /// The viewer may not save into, change or delete this.
    case notPermitted(kind: String, id: String, reason: String)
    /// A saved report's, dashboard's or folder's own values are invalid (name, layout).
    case invalid(field: String, reason: String)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .unknownObject(let object): "unknown object \(object)"
        case .unknownField(let object, let field): "unknown field \(field) on \(object)"
        case .notALookup(let object, let field): "\(field) is not a lookup field of \(object)"
        case .objectNotReadable(let object): "the viewer may not read \(object)"
        case .fieldNotReadable(let object, let field, let use):
            "field-level security hides \(object).\(field) from the viewer, who may not \(use) by it"
        case .invalidFilterValue(let field, let value, let expected):
            "filter value \"\(value.prefix(80))\" for \(field) is not a \(expected)"
        case .invalidOperator(let field, let op, let reason): "operator \(op.rawValue) on \(field): \(reason)"
        case .invalidSummary(let field, let function, let reason): "\(function.rawValue) of \(field): \(reason)"
        case .invalidGrouping(let field, let reason): "grouping by \(field): \(reason)"
        case .tooComplex(let reason): "the report is too complex: \(reason)"
        case .rowLimitExceeded(let limit, let matched): "the report matched \(matched) rows, more than its limit of \(limit)"
        case .malformedDefinition(let reason): "malformed report JSON: \(reason)"
        case .notFound(let kind, let id): "no \(kind) \(id) the viewer may read"
        case .notPermitted(let kind, let id, let reason): "may not change \(kind) \(id): \(reason)"
        case .invalid(let field, let reason): "\(field): \(reason)"
        }
    }
}
