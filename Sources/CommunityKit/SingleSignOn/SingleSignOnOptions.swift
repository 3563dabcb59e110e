public import Foundation

/// How single sign-on refreshes providers' keys: ``CommunityConfiguration/singleSignOn``.
public struct SingleSignOnOptions: Sendable {
    /// Fetches a provider's key set again when a token names a key the stored set lacks; `nil`
    /// (the default) never refetches, and such tokens are refused.
    public var keySource: (any OpenIDKeySource)?
    /// The shortest time between two fetches for one provider, in seconds (clamped to 10 s … 1 day;
    /// default 5 minutes), so a flood of tokens naming unknown keys cannot make the engine hammer
    /// the provider. A failed fetch counts too.
    public var minimumKeyRefreshInterval: TimeInterval {
        get { interval }
        set { interval = newValue.isNaN ? Self.defaultInterval : min(max(newValue, 10), 86_400) }
    }

    private var interval: TimeInterval = Self.defaultInterval
    private static let defaultInterval: TimeInterval = 300

    /// Options with `keySource` (none by default) and a refresh interval in seconds.
    public init(keySource: (any OpenIDKeySource)? = nil, minimumKeyRefreshInterval: TimeInterval = 300) {
        self.keySource = keySource
        self.minimumKeyRefreshInterval = minimumKeyRefreshInterval
    }
}
