import CommunityKit
import CommunityTesting
import Foundation
import FuzzSupport

/// A request the crawl found: a link or a form, and who saw it.
struct SeenRequest {
    var method: SiteRequest.Method
    var path: String
    var query: [String: String]
    var form: [String: String]
    var viewerID: String?
    var cookies: [String: String] = [:]
    var headers: [String: String] = [:]
    var clientAddress: String?
    var bodyByteCount: Int?

    var description: String {
        func show(_ pairs: [String: String]) -> String {
            "[" + pairs.sorted { $0.key < $1.key }.map { abbreviated($0.key) + ": " + abbreviated($0.value) }.joined(separator: ", ") + "]"
        }
        var text = "\(method.rawValue) \(abbreviated(path)) as \(viewerID ?? "guest") query=\(show(query)) form=\(show(form))"
        if !cookies.isEmpty { text += " cookies=" + show(cookies) }
        if !headers.isEmpty { text += " headers=" + show(headers) }
        if let clientAddress { text += " client=" + abbreviated(clientAddress) }
        if let bodyByteCount { text += " body=\(bodyByteCount)" }
        return text
    }
}

/// Crawls the seeded sites as several viewers, then sends mutated copies of every link and
/// form it saw through `Community.handle`.
struct HandleFuzzer {
    let run: FuzzRun

    func fuzz() throws {
        let community = try FuzzCommunity.make()
        var mutator = Mutator(random: SeededRandom(seed: run.seed ^ 0x4841_4E44_4C45))
        let seen = crawl(community, roots: ["/partners/", "/help/"], target: "handle")
        let queryNames = Array(Set(seen.flatMap { $0.query.keys })).sorted()
        print("handle: crawled \(seen.count) requests (\(seen.filter { $0.method == .post }.count) forms) as \(FuzzCommunity.viewerIDs.count) viewers")
        // Every crawled form once, as is (the crawl sent the links).
        for request in seen where request.method == .post { send(request, community) }
        for _ in 0..<run.iterations {
            var request = mutator.random.pick(seen, or: SeenRequest(method: .get, path: "/partners/", query: [:], form: [:], viewerID: nil))
            for _ in 0..<(1 + mutator.random.below(3)) {
                switch mutator.random.below(10) {
                case 0, 1, 2:
                    let keys = request.form.keys.filter { $0 != "_csrf" }.sorted()
                    if request.method == .post, !keys.isEmpty {
                        let key = mutator.random.pick(keys, or: "")
                        request.form[key] = mutator.mutate(request.form[key] ?? "")
                    } else {
                        request.query = mutator.mutateQuery(request.query, names: queryNames)
                    }
                case 3:
                    let name = mutator.random.oneIn(2) ? mutator.value() : mutator.random.pick(["_return", "id", "limit", "amount", "priority", "topics"], or: "id")
                    request.form[name] = mutator.value()
                case 4:
                    let key = mutator.random.pick(request.form.keys.sorted(), or: "")
                    request.form.removeValue(forKey: key)
                case 5: request.path = mutator.mutatePath(request.path)
                case 6: request.query = mutator.mutateQuery(request.query, names: queryNames)
                case 7: request.viewerID = mutator.random.pick(FuzzCommunity.viewerIDs, or: nil)
                case 8:
                    if mutator.random.oneIn(3) {
                        request.method = mutator.random.pick([.get, .post, .head], or: .get)
                    } else {
                        mutateCookiesAndHeaders(&request, &mutator)
                    }
                default:
                    if mutator.random.oneIn(3) { request.form["_csrf"] = mutator.mutate(request.form["_csrf"] ?? "") }
                    request.form["_return"] = mutator.value()
                }
            }
            send(request, community)
        }
    }

    /// Cookies (the guest session among them), request headers, the client address and the body size.
    private func mutateCookiesAndHeaders(_ request: inout SeenRequest, _ mutator: inout Mutator) {
        switch mutator.random.below(5) {
        case 0:
            let name = mutator.random.pick(["ck-guest", "__Host-ck-guest", "__Secure-ck-guest", "session", mutator.value()], or: "ck-guest")
            request.cookies[name] = mutator.value()
        case 1:
            for _ in 0..<(1 + mutator.random.below(200)) { request.cookies[mutator.value()] = mutator.value() }
        case 2:
            let name = mutator.random.pick([
                "origin", "sec-fetch-site", "accept-language", "referer", "host", "user-agent", "x-forwarded-for", "cookie",
                "content-type", "content-length", "accept", "Origin", "SEC-FETCH-SITE", mutator.value(),
            ], or: "origin")
            let values = ["null", "https://evil.example", "https://partners.example", "http://partners.example", "", "cross-site", "same-origin",
                          "same-site", "none", "ko-KR,ko;q=0.9", "*;q=NaN", "de-DE;q=-1,en;q=1e309", String(repeating: "en,", count: 5_000)]
            request.headers[name] = mutator.random.oneIn(2) ? mutator.random.pick(values, or: "") : mutator.value()
        case 3:
            request.clientAddress = mutator.random.pick(["127.0.0.1", "::1", "", "999.999.999.999", "fe80::1%eth0", mutator.value()], or: "")
        default:
            request.bodyByteCount = mutator.random.pick([-1, 0, Int.max, Int.min, 1 << 40, 10_000_000], or: -1)
        }
    }

    private func send(_ request: SeenRequest, _ community: Community) {
        if run.avoids(request.description) { return }
        run.trying("handle", request.description)
        let viewer = FuzzCommunity.viewer(request.viewerID, in: community)
        let response = community.handle(SiteRequest(
            request.method, request.path, query: request.query, form: request.form, viewer: viewer, cookies: request.cookies,
            headers: request.headers, clientAddress: request.clientAddress, bodyByteCount: request.bodyByteCount))
        run.check(response, target: "handle", input: request.description)
    }

    /// Visits pages breadth-first from `roots` as every viewer, collecting links within the
    /// sites and forms (action, fields, CSRF token), and checking each page on the way.
    func crawl(_ community: Community, roots: [String], target: String, viewerIDs: [String?] = FuzzCommunity.viewerIDs, limit: Int = 40) -> [SeenRequest] {
        var out: [SeenRequest] = []
        for viewerID in viewerIDs {
            let viewer = FuzzCommunity.viewer(viewerID, in: community)
            var queue = roots.map { ($0, [String: String]()) }
            var visited: Set<String> = []
            while !queue.isEmpty, visited.count < limit {
                let (path, query) = queue.removeFirst()
                let key = path + "?" + query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
                guard visited.insert(key).inserted else { continue }
                let request = SeenRequest(method: .get, path: path, query: query, form: [:], viewerID: viewerID)
                out.append(request)
                run.trying(target, request.description)
                let response = community.handle(SiteRequest(.get, path, query: query, viewer: viewer))
                run.check(response, target: target, input: request.description)
                for link in links(in: response.body) where roots.contains(where: { link.path.hasPrefix($0) || link.path + "/" == $0 }) {
                    queue.append(link)
                }
                out += forms(in: response.body, viewerID: viewerID)
            }
        }
        return out
    }

    /// The local links of a page, split into path and decoded query.
    func links(in html: String) -> [(path: String, query: [String: String])] {
        ScannedTag.tags(in: html).compactMap { tag in
            guard !tag.isEnd, tag.name == "a", let href = tag.attribute("href"), href.hasPrefix("/"), !href.hasPrefix("//") else { return nil }
            return split(href)
        }
    }

    func split(_ href: String) -> (path: String, query: [String: String]) {
        let withoutFragment = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? href
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts.first.map(String.init) ?? "/"
        var query: [String: String] = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(kv[0]).removingPercentEncoding ?? String(kv[0])
                let value = kv.count > 1 ? (String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(kv[1])) : ""
                query[name] = value
            }
        }
        return (path, query)
    }

    /// The forms of a page: their action, method and fields (with default values and the CSRF token).
    func forms(in html: String, viewerID: String?) -> [SeenRequest] {
        var out: [SeenRequest] = []
        var current: SeenRequest?
        var lastSelect: String?
        for tag in ScannedTag.tags(in: html) {
            if tag.name == "form" {
                if tag.isEnd {
                    if let form = current { out.append(form) }
                    current = nil
                } else {
                    let method: SiteRequest.Method = (tag.attribute("method") ?? "get").lowercased() == "post" ? .post : .get
                    let (path, query) = split(tag.attribute("action") ?? "/")
                    current = SeenRequest(method: method, path: path, query: method == .post ? [:] : query, form: [:], viewerID: viewerID)
                }
                continue
            }
            guard !tag.isEnd, var form = current else { continue }
            if tag.name == "option", let select = lastSelect {
                // A select submits its first option unless another is chosen.
                let value = tag.attribute("value") ?? ""
                if form.method == .post { form.form[select] = value } else { form.query[select] = value }
                lastSelect = nil
                current = form
                continue
            }
            guard let name = tag.attribute("name") else { continue }
            let value: String
            switch tag.name {
            case "textarea": value = tag.rawText ?? ""
            case "input", "button": value = tag.attribute("value") ?? "text"
            case "select":
                value = ""
                lastSelect = name
            default: continue
            }
            if form.method == .post { form.form[name] = value } else { form.query[name] = value }
            current = form
        }
        return out
    }
}
