public import CommunityModel
public import CommunityRendering
import Foundation

/// What a handler works with: the engine, the site, the viewer the request acts as (with the
/// same access, field-level security and moderation as the pages), its validated parameters
/// and body.
public struct APIContext: Sendable {
    /// The engine.
    public let community: Community
    /// The site the request was sent to.
    public let site: SiteResponder
    /// Who the request acts as.
    public let viewer: Viewer
    /// How it was authenticated.
    public let principal: APIPrincipal
    /// The request as received.
    public let request: SiteRequest
    /// Path parameters by name.
    public let pathParameters: [String: String]
    /// The validated JSON body (`.null` when the endpoint takes none).
    public let body: JSONValue

    /// A path parameter (always present: the route matched it).
    public func path(_ name: String) -> String { pathParameters[name] ?? "" }

    /// A query parameter, already checked against its schema.
    public func query(_ name: String) -> String? { request.query[name] }

    /// An integer query parameter, already checked against its range; `fallback` when absent.
    public func integer(_ name: String, default fallback: Int) -> Int {
        request.query[name].flatMap { Int($0) } ?? fallback
    }

    /// A string member of the body.
    public func string(_ name: String) -> String? { body[name]?.stringValue }

    /// A boolean member of the body.
    public func bool(_ name: String) -> Bool? {
        if case .bool(let b)? = body[name] { b } else { nil }
    }

    /// The signed-in user the request acts as, or 401/403 for the guest.
    public func member() throws -> ID<User> {
        guard let user = viewer.user, !viewer.isGuest else {
            if principal == .guest { throw APIProblem.unauthenticated("Sign in or send a bearer token.", reason: "missing") }
            throw APIProblem.forbidden("The site's guest may not do this.")
        }
        return user.id
    }

    /// The user the request acts as, for reads that the site's guest user may do too.
    public func reader() -> ID<User>? { viewer.user?.id }

    /// The `If-Match` header, if sent.
    public var ifMatch: String? { request.header("if-match") }

    /// Checks `If-Match` against a stored version: absent or `*` passes; anything else must
    /// name the current version.
    ///
    /// - Throws: ``APIProblem/preconditionFailed(entity:id:expected:actual:)`` (412).
    public func checkIfMatch(entity: String, id: String, version: Int) throws(APIProblem) -> Int? {
        guard let header = ifMatch?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if header == "*" { return nil }
        let tags = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let current = APIReply.etag(version: version)
        guard tags.contains(where: { $0 == current || $0 == "W/" + current }) else {
            throw .preconditionFailed(entity: entity, id: id, expected: String(header.prefix(100)), actual: version)
        }
        return version
    }
}
