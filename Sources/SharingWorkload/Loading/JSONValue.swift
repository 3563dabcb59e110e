/// A parsed JSON value, as the workload loader's scanner produces it (one entity at a time).
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// An integer that fits in `Int`.
    case integer(Int)
    /// Any other number.
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in document order (entities have few keys, so a linear search is fastest).
    case object([(String, JSONValue)])

    /// The JSON type name, for error messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
