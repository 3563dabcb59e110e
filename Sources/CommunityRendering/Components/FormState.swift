/// A submitted form that failed validation: which action, the values sent and an error per field.
public struct FormState: Sendable, Hashable {
    /// The action the form posted to.
    public var action: String
    /// The submitted values, to fill the fields again.
    public var values: [String: String]
    /// Errors by field name; the empty key holds a form-level error.
    public var errors: [String: String]

    /// A form state.
    public init(action: String, values: [String: String], errors: [String: String]) {
        self.action = action
        self.values = values
        self.errors = errors
    }
}
