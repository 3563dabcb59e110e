import Foundation
import DevServer

/// The links in a rendered page, and where each one leads.
enum PageLinks {
    /// Where an `href` leads, seen from the page it is on.
    enum Target: Hashable, Sendable {
        /// A path on this server (still percent-encoded) with its decoded query.
        case local(path: String, query: [String: String])
        /// Another origin, a `mailto:` address or a fragment on the same page.
        case elsewhere
        /// An href that cannot be followed (bad percent-encoding, an unknown scheme).
        case malformed(String)
    }

    /// Every `href` and `src` attribute value in `html`, with character references undone.
    static func links(in html: String) -> [String] {
        hrefs(in: html) + values(of: "src", in: html)
    }

    /// Every `href` attribute value in `html`, with character references undone.
    static func hrefs(in html: String) -> [String] {
        values(of: "href", in: html)
    }

    /// Every value of an attribute (written `name="…"`) in `html`, with character references undone.
    static func values(of attribute: String, in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        let opening = " " + attribute + "=\""
        while let start = rest.range(of: opening) {
            let value = rest[start.upperBound...].prefix { $0 != "\"" }
            out.append(unescape(String(value)))
            rest = rest[value.endIndex...]
        }
        return out
    }

    /// Where `href` on the page at `pagePath` (an absolute, percent-encoded path) leads.
    static func target(of href: String, from pagePath: String) -> Target {
        if href.isEmpty || href.hasPrefix("#") { return .elsewhere }
        let lower = href.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || href.hasPrefix("//") {
            return .elsewhere
        }
        if let colon = href.firstIndex(of: ":"), !href[..<colon].contains("/"), !href[..<colon].contains("?") {
            return .malformed(href)
        }
        let withoutFragment = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var path = String(parts[0])
        if path.isEmpty {
            path = pagePath
        } else if !path.hasPrefix("/") {
            let directory = pagePath.hasSuffix("/") ? pagePath : String(pagePath[...(pagePath.lastIndex(of: "/") ?? pagePath.startIndex)])
            path = directory + path
        }
        do {
            _ = try PercentDecoding.decode(Array(path.utf8), plusIsSpace: false, what: "path")
            let query = parts.count > 1
                ? try PercentDecoding.fields(Array(parts[1].utf8), maxFields: 100, maxFieldBytes: 4096, what: "query") : [:]
            return .local(path: path, query: query)
        } catch {
            return .malformed(href)
        }
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
