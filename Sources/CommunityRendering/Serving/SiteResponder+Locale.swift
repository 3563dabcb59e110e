import CommunityModel
import Foundation

extension SiteResponder {
    /// The base name of the cookie that keeps a guest's choice from the language switcher.
    public static let localeCookieName = "ck-locale"

    /// The path segment of the language switcher: `GET <prefix>/_locale/<locale>?return=<path>`.
    static let localeSegment = "_locale"

    /// Characters left as they are in a `return` query value: ASCII unreserved ones and `/`.
    private static let returnValueCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")

    /// The locale a request is answered in, always one of the site's locales:
    /// - a signed-in member's comes from their user record (`de_AT` picks the site's `de_DE`);
    /// - a guest's from the language switcher's cookie, else from `Accept-Language`;
    /// - otherwise the site's default (its first locale).
    public func locale(for request: SiteRequest) -> String {
        let supported = site.locales.isEmpty ? ["en_US"] : site.locales
        if let user = request.viewer.user, !request.viewer.isGuest {
            return AcceptLanguage(parsing: AcceptLanguage.tag(of: user.locale)).bestMatch(among: supported) ?? supported[0]
        }
        if let chosen = request.cookies[cookies.name(SiteResponder.localeCookieName)], supported.contains(chosen) { return chosen }
        if let header = request.header("accept-language"), let match = AcceptLanguage(parsing: header).bestMatch(among: supported) {
            return match
        }
        return supported[0]
    }

    /// The language switcher's link for `locale`, returning to `path` (a path of this site).
    public func switchLocaleURL(_ locale: String, returningTo path: String) -> SafeURL {
        SiteResponder.switchLocaleURL(locale, site: site, returningTo: path)
    }

    static func switchLocaleURL(_ locale: String, site: Site, returningTo path: String) -> SafeURL {
        let base = SafeURL.path([localeSegment, locale], prefix: site.urlPrefix)
        guard let target = site.returnTarget(path),
              let encoded = target.string.addingPercentEncoding(withAllowedCharacters: returnValueCharacters),
              let url = SafeURL(base.string + "?return=" + encoded)
        else { return base }
        return url
    }

    /// Answers the language switcher: a 303 back to the page (or the home page) that sets the
    /// locale cookie; an unsupported locale is 404. `nil` when the path is not the switcher's.
    func switchLocale(_ request: SiteRequest, relative: String) -> SiteResponse? {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].isEmpty, parts[1] == SiteResponder.localeSegment else { return nil }
        let locale = String(parts[2])
        guard site.locales.contains(locale) else { return plain(404, "http.notFound", request) }
        let target = site.returnTarget(request.query["return"]) ?? site.homeURL
        return SiteResponse(
            status: 303, headers: ["Location": target.string, "Cache-Control": "no-store"],
            setCookies: [cookies.setCookie(SiteResponder.localeCookieName, value: locale, maxAge: 365 * 24 * 3600)])
    }
}
