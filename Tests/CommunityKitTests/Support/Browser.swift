import CommunityKit
import Foundation

/// A browser for tests: sends requests through `community.handle`, keeps the cookies responses
/// set (and drops those they expire), and posts forms with the hidden fields (CSRF token, return
/// path, …) the last page's form for that action carried.
final class Browser {
    let community: Community
    let clientAddress: String
    private(set) var cookies: [String: String] = [:]
    private(set) var lastPage = ""

    init(_ community: Community, clientAddress: String = "198.51.100.7") {
        self.community = community
        self.clientAddress = clientAddress
    }

    /// Sets a cookie as if a response had set it (for a browser carried over from another engine).
    func set(_ name: String, _ value: String) { cookies[name] = value }

    @discardableResult
    func get(_ path: String, query: [String: String] = [:]) -> SiteResponse {
        let response = community.handle(SiteRequest(.get, path, query: query, cookies: cookies, clientAddress: clientAddress))
        keep(response)
        if response.status != 303 { lastPage = response.body }
        return response
    }

    @discardableResult
    func post(_ path: String, _ form: [String: String]) -> SiteResponse {
        var fields = hiddenFields(of: path)
        for (name, value) in form { fields[name] = value }
        let response = community.handle(SiteRequest(.post, path, form: fields, cookies: cookies, clientAddress: clientAddress))
        keep(response)
        if response.status != 303 { lastPage = response.body }
        return response
    }

    /// The hidden inputs of the last page's form posting to `action`.
    func hiddenFields(of action: String) -> [String: String] {
        guard let start = lastPage.range(of: "action=\"\(action)\""),
              let end = lastPage.range(of: "</form>", range: start.upperBound..<lastPage.endIndex) else { return [:] }
        let form = lastPage[start.upperBound..<end.lowerBound]
        var fields: [String: String] = [:]
        var rest = form[...]
        while let input = rest.range(of: "<input type=\"hidden\" name=\"") {
            let afterName = rest[input.upperBound...]
            let name = String(afterName.prefix { $0 != "\"" })
            guard let valueStart = afterName.range(of: "value=\"") else { break }
            let value = String(afterName[valueStart.upperBound...].prefix { $0 != "\"" })
            fields[name] = value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            rest = afterName[valueStart.upperBound...]
        }
        return fields
    }

    /// Follows a 303 with a GET of its `Location` (path and query).
    @discardableResult
    func follow(_ response: SiteResponse) -> SiteResponse {
        guard let location = response.location else { return response }
        let (path, query) = Self.split(location)
        return get(path, query: query)
    }

    /// Sets or expires cookies the way a browser does.
    func keep(_ response: SiteResponse) {
        for header in response.setCookies {
            let first = header.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let equals = first.firstIndex(of: "=") else { continue }
            let name = String(first[..<equals]), value = String(first[first.index(after: equals)...])
            if header.contains("Max-Age=0") || value.isEmpty { cookies.removeValue(forKey: name) } else { cookies[name] = value }
        }
    }

    /// Replaces the cookie jar (to replay an old cookie).
    func setCookies(_ jar: [String: String]) { cookies = jar }

    static func split(_ location: String) -> (String, [String: String]) {
        guard let mark = location.firstIndex(of: "?") else { return (location, [:]) }
        var query: [String: String] = [:]
        for pair in location[location.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard let key = parts.first else { continue }
            query[key] = (parts.count > 1 ? parts[1] : "").removingPercentEncoding ?? ""
        }
        return (String(location[..<mark]), query)
    }
}
