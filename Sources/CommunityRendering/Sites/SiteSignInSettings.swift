/// A site's own sign-in rules, kept with the site (and in its bundle). Every field is optional:
/// `nil` uses the engine's default, so a bundle without them still loads.
///
/// The engine (CommunityKit's `Community`) checks them when the site is added: a minimum
/// password length below 8, or session lifetimes that are not positive, idle ≤ absolute ≤ 90
/// days, make the site invalid.
public struct SiteSignInSettings: Sendable, Hashable, Codable {
    /// The fewest characters a new password set through this site may have (default 12, at least 8).
    public var minimumPasswordLength: Int?
    /// Seconds without a request after which a session ends (default 30 minutes).
    public var idleTimeout: Double?
    /// Seconds after sign-in at which a session ends regardless of activity (default 12 hours).
    public var absoluteTimeout: Double?

    /// Settings; `nil` keeps the engine's default.
    public init(minimumPasswordLength: Int? = nil, idleTimeout: Double? = nil, absoluteTimeout: Double? = nil) {
        self.minimumPasswordLength = minimumPasswordLength
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }
}
