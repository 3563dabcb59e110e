/// How an API request was authenticated.
public enum APIPrincipal: Sendable, Hashable {
    /// No credentials: the site's guest.
    case guest
    /// The site's session cookie (every scope; unsafe methods need the CSRF header).
    case session
    /// A bearer token (personal or client credentials), limited to its scopes.
    case token(id: String, scopes: Set<APIScope>)

    /// The scopes granted (all for the guest and a session).
    public var scopes: Set<APIScope> {
        if case .token(_, let scopes) = self { scopes } else { APIScope.all }
    }

    /// `guest`, `session` or `token`.
    public var kindName: String {
        switch self {
        case .guest: "guest"
        case .session: "session"
        case .token: "token"
        }
    }
}
