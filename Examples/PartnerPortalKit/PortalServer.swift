import CommunityKit
import DevServer

/// Connects the development server to the engine: `/favicon.ico`, a redirect from `/` to Partner
/// Central, the demonstration identity provider Northwind Identity, and every other request handed to `community.handle` as the guest.
struct PortalServer: Sendable {
    let portal: Portal

    /// Answers one HTTP request.
    func respond(to request: HTTPRequest) -> HTTPResponse {
        if request.path == "/favicon.ico" {  // browsers ask the root; the icon is an asset of Partner Central
            var root = request
            root.encodedPath = "/partners/_assets/favicon.ico"
            return Self.bridge(root, to: portal.community)
        }
        if request.path == NorthwindIdentity.path { return portal.identityProvider.respond(to: request) }
        if request.path == "/" {
            return HTTPResponse(status: 302, headers: [.init("Location", "/partners/")], text: "")
        }
        return Self.bridge(request, to: portal.community)
    }

    /// The one place an ``HTTPRequest`` becomes a ``SiteRequest`` and a ``SiteResponse``
    /// becomes an ``HTTPResponse``. The server passes the guest until sign-in exists.
    ///
    /// The path is passed still percent-encoded: the site router decodes each segment itself.
    static func bridge(_ request: HTTPRequest, to community: Community, as viewer: Viewer = .guest) -> HTTPResponse {
        // HEAD is rendered as GET so that Content-Length is the page's; the server drops the body.
        let method: SiteRequest.Method = switch request.method {
        case .get, .head: .get
        case .post: .post
        case .put: .put
        case .patch: .patch
        case .delete: .delete
        case .options: .options
        }
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.lowercased()
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        let site = community.handle(SiteRequest(
            method, request.encodedPath, query: request.query, form: request.form, viewer: viewer,
            cookies: request.cookies, headers: headers, clientAddress: request.clientAddress, bodyByteCount: request.body.count,
            body: request.body))
        var fields = site.headers.sorted { $0.key < $1.key }.map { HTTPResponse.HeaderField($0.key, $0.value) }
        fields += site.setCookies.map { HTTPResponse.HeaderField("Set-Cookie", $0) }
        if let bytes = site.bodyBytes { return HTTPResponse(status: site.status, headers: fields, body: bytes) }
        return HTTPResponse(status: site.status, headers: fields, text: site.body)
    }
}
