/// A request to a site, as the host's HTTP server saw it, with the viewer it authenticated.
public struct SiteRequest: Sendable, Hashable {
    /// The HTTP method.
    public enum Method: String, Sendable, Hashable {
        /// Reads a page.
        case get = "GET"
        /// Reads headers only.
        case head = "HEAD"
        /// Submits a form action.
        case post = "POST"
    }

    /// The method.
    public var method: Method
    /// The absolute path, without the query (`/partners/leads`).
    public var path: String
    /// Query parameters.
    public var query: [String: String]
    /// Form fields of a POST.
    public var form: [String: String]
    /// Who is asking.
    public var viewer: Viewer

    /// A request.
    public init(
        _ method: Method = .get, _ path: String, query: [String: String] = [:], form: [String: String] = [:],
        viewer: Viewer = .guest
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.form = form
        self.viewer = viewer
    }
}
