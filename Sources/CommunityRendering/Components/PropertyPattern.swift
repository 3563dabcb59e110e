/// A pattern a string property must match, such as a page id or a field's API name.
///
/// The pattern is a regular expression matched against the whole string. Component authors
/// write it (it is trusted); layout values are what it checks. A pattern that does not compile
/// matches nothing, so the value is reported rather than let through.
///
/// ```swift
/// .init("object", .string, required: true, pattern: .apiName)
/// ```
public struct PropertyPattern: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What the pattern allows, in words, for error messages and builder UIs ("a page id").
    public var name: String
    /// The regular expression, matched against the whole value.
    public var expression: String

    /// A pattern.
    public init(name: String, expression: String) {
        self.name = name
        self.expression = expression
    }

    /// Whether `text` matches the whole pattern.
    public func matches(_ text: String) -> Bool {
        guard let regex = try? Regex(expression) else { return false }
        return (try? regex.wholeMatch(in: text)) != nil
    }

    public var description: String { "\(name) (\(expression))" }

    /// A page, menu or audience id: ASCII letters, digits, `_`, `-`, `.` and `:`, at most 64.
    public static let identifier = PropertyPattern(name: "an id of letters, digits, _, -, . and :", expression: "[A-Za-z0-9_.:-]{1,64}")

    /// An object or field API name such as `Opportunity` or `Budget__c`.
    public static let apiName = PropertyPattern(name: "an API name (a letter, then letters, digits and _)", expression: "[A-Za-z][A-Za-z0-9_]{0,79}")
}
