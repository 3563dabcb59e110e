public import CommunityModel

extension SecurityEvent {
    /// The event as a structured ``LogEvent`` named `auth.<kind>` (``LogEventName/signInFailed``,
    /// ``LogEventName/lockedOut``, `auth.signedIn`, …), for a host that wires
    /// `onSecurityEvent` to its ``CommunityLogger``:
    ///
    /// ```swift
    /// IdentityService(…, onSecurityEvent: { logger.log($0.logEvent) })
    /// ```
    ///
    /// Metadata: `reason`, `user`, `site` and `client` when known; never a password or token.
    public var logEvent: LogEvent {
        var metadata: [String: LogValue] = [:]
        if let reason { metadata["reason"] = .text(reason.rawValue) }
        if let userID { metadata["user"] = .text(userID.rawValue) }
        if let siteID { metadata["site"] = .text(siteID) }
        if let clientAddress { metadata["client"] = .text(clientAddress) }
        return LogEvent(level, LogEventName(rawValue: "auth." + kind.rawValue), message, metadata: metadata)
    }

    /// Failures a host should watch are notices, lock-outs warnings, a notifier's failure an
    /// error, and the rest information.
    private var level: LogLevel {
        switch kind {
        case .signInFailed, .secondFactorFailed, .tokenRejected: .notice
        case .lockedOut: .warning
        case .notificationFailed: .error
        default: .info
        }
    }

    private var message: String {
        switch kind {
        case .signInFailed: "A sign-in was refused."
        case .lockedOut: "Repeated failures locked an account or a client out."
        case .secondFactorFailed: "A second-factor code was refused."
        case .tokenRejected: "A reset, verification or pending token was refused."
        case .notificationFailed: "The notifier failed to take a message."
        default: "An identity event happened."
        }
    }
}
