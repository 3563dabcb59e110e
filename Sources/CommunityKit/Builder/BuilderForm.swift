/// A builder form shown again after a failed submission: which form, what was sent, and an
/// error per field (`""` for the form as a whole).
struct BuilderForm: Sendable {
    var action: String
    var values: [String: String]
    var errors: [String: String]
    /// Problems that belong to no one field (every reason a publication was refused).
    var problems: [String] = []

    func value(_ name: String, for action: String) -> String? { self.action == action ? values[name] : nil }
    func error(_ name: String, for action: String) -> String? { self.action == action ? errors[name] : nil }
}
