import Foundation

extension Site {
    /// Where to send someone after signing in: `raw` when it is a same-site ``SitePath`` under
    /// this site's prefix, else `nil` (the caller then uses the home page). `//evil.example`,
    /// `https://evil.example`, `/\evil` and paths of other sites are refused.
    public func returnTarget(_ raw: String?) -> SafeURL? {
        guard let raw, SitePath.isValid(raw) else { return nil }
        guard urlPrefix.isEmpty || raw == urlPrefix || raw.hasPrefix(urlPrefix + "/") else { return nil }
        return SafeURL(raw).flatMap { $0.isLocalPath ? $0 : nil }
    }

    /// The home page's URL, or the prefix's root.
    public var homeURL: SafeURL {
        homePageID.flatMap { url(of: $0) } ?? SafeURL.path([], prefix: urlPrefix)
    }

    /// The URL of the first page holding a component of `type`, if any.
    public func url(ofPageContaining type: ComponentType) -> SafeURL? {
        page(containing: type).flatMap { url(of: $0.id) }
    }

    /// The sign-in page's URL with `path` in its `return` parameter (dropped unless it is a
    /// ``returnTarget(_:)`` of this site); `nil` when the site has no sign-in page.
    public func signInURL(returningTo path: String?) -> SafeURL? {
        guard let pageID = signInPageID, let login = url(of: pageID) else { return nil }
        guard let back = returnTarget(path), back.string != login.string,
              let encoded = back.string.addingPercentEncoding(withAllowedCharacters: Self.returnValueCharacters)
        else { return login }
        return SafeURL(login.string + "?return=" + encoded) ?? login
    }

    /// Characters left as they are in a `return` query value: ASCII unreserved ones and `/`.
    static let returnValueCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
}
