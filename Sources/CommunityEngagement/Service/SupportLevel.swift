/// An entitlement level (such as Standard or Premier): the business-time targets for a
/// first response and for resolution, and when a milestone turns to warning.
public struct SupportLevel: Hashable, Sendable, Codable {
    /// The level's name; an account's `SupportLevel` custom field selects it.
    public var name: String
    /// Business seconds allowed until the first public response.
    public var firstResponse: Double
    /// Business seconds allowed until the case closes.
    public var resolution: Double
    /// The share of a target after which the milestone shows a warning, 0 to 1.
    public var warningFraction: Double

    /// Creates a support level.
    public init(name: String, firstResponse: Double, resolution: Double, warningFraction: Double = 0.75) {
        self.name = name
        self.firstResponse = firstResponse
        self.resolution = resolution
        self.warningFraction = warningFraction
    }
}
