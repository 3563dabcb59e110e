/// What identifies a record in a page header, a lookup or a card (Salesforce: a compact
/// layout): the fields that make its title, a subtitle, and a few key fields.
///
/// A lead's title is its first and last name with its company as the subtitle, rather than
/// the last name alone.
public struct CompactLayout: Hashable, Sendable, Codable {
    /// The object.
    public var object: EntityType
    /// Fields whose values, joined by a space, make the title (`FirstName`, `LastName`).
    public var titleFields: [String]
    /// Fields whose values, joined by ` · `, make the subtitle (`Company`).
    public var subtitleFields: [String]
    /// Key fields shown in the record's highlights, in order.
    public var keyFields: [String]

    /// A compact layout.
    public init(object: EntityType, title: [String], subtitle: [String] = [], keyFields: [String] = []) {
        self.object = object
        self.titleFields = title
        self.subtitleFields = subtitle
        self.keyFields = keyFields
    }

    /// The title from a record's field values (`value` answers text for a field, `nil` when
    /// hidden or empty); `nil` when no title field has a value.
    public func title(_ value: (String) -> String?) -> String? {
        let parts = titleFields.compactMap(value).filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The subtitle; `nil` when no subtitle field has a value.
    public func subtitle(_ value: (String) -> String?) -> String? {
        let parts = subtitleFields.compactMap(value).filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
