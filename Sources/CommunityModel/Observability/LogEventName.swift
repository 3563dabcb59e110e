/// The stable name of a kind of ``LogEvent``, such as `csrf.rejected`.
///
/// Names are part of the public contract: hosts alert and build dashboards on them, so a
/// name, once shipped, keeps its meaning. The engine's names are the static members below;
/// plugins add their own, with a prefix of their own (`acme.quoteRejected`).
public struct LogEventName: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The name, `area.what` in lower camel case.
    public let rawValue: String

    /// A name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A name from a literal.
    public init(stringLiteral value: StaticString) { self.rawValue = "\(value)" }

    /// The name itself.
    public var description: String { rawValue }

    // MARK: Sign-in (emitted by the identity layer)

    /// A sign-in attempt was refused (unknown member, wrong password, locked, not a member).
    /// Metadata: `reason`, and `user`, `site`, `client` when known. Never the password or
    /// the identifier typed. CommunityIdentity's `SecurityEvent.logEvent` emits it, and names
    /// its other events `auth.<kind>` the same way.
    public static let signInFailed: LogEventName = "auth.signInFailed"
    /// Repeated failures locked an account or a client address out. Metadata: `reason`
    /// (`accountLocked` or `clientThrottled`), `user`, `site`, `client` when known.
    public static let lockedOut: LogEventName = "auth.lockedOut"

    // MARK: Requests

    /// A form post was refused by the CSRF defences (403). Metadata: `site`, `action`,
    /// `reason` (`crossOrigin`, `missingToken` or `invalidToken`; never the token itself),
    /// `user` when signed in.
    public static let csrfRejected: LogEventName = "csrf.rejected"
    /// A form action answered "invalid" and the form was shown again (422). Metadata: `site`,
    /// `action`, `fields` (the names of the fields in error, never their values).
    public static let formInvalid: LogEventName = "form.invalid"
    /// A request broke one of the site's limits (413, 414 or 422: too long, too many fields,
    /// a control character). Metadata: `site`, `method`, `status`, `reason` (the limit's
    /// sentence, naming a field at most, never a value).
    public static let requestRejected: LogEventName = "request.rejected"
    /// A request took at least the configured slow-request threshold. Metadata: `site`,
    /// `method`, `path` (token-like segments redacted), `status`, `durationMs`.
    public static let slowRequest: LogEventName = "request.slow"

    // MARK: Storage

    /// The store (or a transaction's body) rejected a value as invalid. Metadata: `field`,
    /// `reason` (the kind of rule broken, never the value), and `entity` when known.
    public static let storeValidationFailed: LogEventName = "store.validationFailed"
    /// A write lost an optimistic-concurrency race. Metadata: `entity`, `id`, `expected`,
    /// `actual`.
    public static let storeConflict: LogEventName = "store.conflict"
    /// A store operation failed (backend, corrupt data, truncated feed, unindexed field).
    /// Metadata: `kind`, `operation`, and the error's location where it names one.
    public static let storeError: LogEventName = "store.error"
}
