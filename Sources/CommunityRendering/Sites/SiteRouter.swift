import Foundation

/// Resolves request paths of one site to pages, object parameters and redirects.
public struct SiteRouter: Sendable {
    /// What a path leads to.
    public enum Resolution: Sendable, Hashable {
        /// A page, with its parameter values.
        case page(id: String, parameters: [String: String])
        /// A permanent redirect to an absolute path on the same site (always a valid ``SitePath``).
        case redirect(to: String)
        /// Nothing.
        case notFound
    }

    private let prefix: String
    private let exact: [String: String]
    private let objectPages: [String: (id: String, parameter: String)]
    private let redirects: [String: String]

    /// A router for a site's current pages.
    public init(site: Site) {
        prefix = site.urlPrefix
        var exact: [String: String] = [:]
        var objectPages: [String: (String, String)] = [:]
        for page in site.pages {
            guard let path = site.path(of: page.id) else { continue }
            if let parameter = page.parameter {
                objectPages[path] = (page.id, parameter)
            } else {
                exact[path] = page.id
            }
        }
        self.exact = exact
        self.objectPages = objectPages
        self.redirects = site.redirects
    }

    /// The site-relative path of an absolute request path, or `nil` when it is outside the site.
    public func relativePath(_ path: String) -> String? {
        let clean = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        if prefix.isEmpty { return clean.isEmpty ? "/" : clean }
        if clean == prefix { return "/" }
        guard clean.hasPrefix(prefix + "/") else { return nil }
        return String(clean.dropFirst(prefix.count))
    }

    /// Resolves an absolute request path.
    public func resolve(_ path: String) -> Resolution {
        guard let relative = relativePath(path) else { return .notFound }
        var segments: [String] = []
        for raw in relative.split(separator: "/") {
            guard let decoded = String(raw).removingPercentEncoding else { return .notFound }
            if decoded == "." || decoded == ".." || decoded.contains("/") { return .notFound }
            segments.append(decoded)
        }
        let key = "/" + segments.map { $0.lowercased() }.joined(separator: "/")
        if let id = exact[key] { return .page(id: id, parameters: [:]) }
        if let last = segments.last {
            let base = "/" + segments.dropLast().map { $0.lowercased() }.joined(separator: "/")
            if let (id, parameter) = objectPages[base] { return .page(id: id, parameters: [parameter: last]) }
        }
        if let target = redirects[key] { return redirect(to: target) }
        if segments.count > 1, let last = segments.last {
            // An old object-page base: /old/{param} → /new/{param}.
            let base = "/" + segments.dropLast().map { $0.lowercased() }.joined(separator: "/")
            if let target = redirects[base], objectPages[target] != nil {
                return redirect(to: target, appending: SafeURL.encodeSegment(last))
            }
        }
        return .notFound
    }

    /// A redirect only to a same-site path: a stored target that is not one (an imported bundle
    /// that skipped validation, a site changed in memory) answers 404 rather than reaching a
    /// `Location` header as `javascript:`, `//evil.example` or a header-splitting CR/LF.
    private func redirect(to target: String, appending segment: String? = nil) -> Resolution {
        guard SitePath.isValid(target) else { return .notFound }
        var location = absolute(target)
        if let segment { location += "/" + segment }
        return SitePath.isValid(location) ? .redirect(to: location) : .notFound
    }

    private func absolute(_ relative: String) -> String {
        prefix.isEmpty ? relative : (relative == "/" ? prefix : prefix + relative)
    }
}
