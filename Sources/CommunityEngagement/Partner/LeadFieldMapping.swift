/// Where a lead's custom fields go on conversion: `Lead field → (object, field)`.
/// Standard fields map by themselves (company → account name, names and e-mail → contact,
/// region → account and opportunity, product → opportunity `Product`, partner → opportunity partner).
public struct LeadFieldMapping: Hashable, Sendable, Codable {
    /// The object a lead field is copied to.
    public enum Target: String, Hashable, Sendable, Codable, CaseIterable {
        case account, contact, opportunity
    }

    /// A destination: object and field name.
    public struct Destination: Hashable, Sendable, Codable {
        public var target: Target
        public var field: String

        /// Creates a destination.
        public init(_ target: Target, _ field: String) {
            self.target = target
            self.field = field
        }
    }

    /// Custom lead fields and where each goes.
    public var customFields: [String: Destination]

    /// Creates a mapping.
    public init(customFields: [String: Destination] = [:]) { self.customFields = customFields }
}
