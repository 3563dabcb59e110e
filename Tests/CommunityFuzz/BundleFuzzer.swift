import CommunityKit
import CommunityTesting
import Foundation
import FuzzSupport

/// Exports the seeded sites as bundles, mutates their JSON (structure and values) and imports
/// them, dry run and for real, into a fresh community; a bundle that imports is rendered as a
/// guest and as a member.
struct BundleFuzzer {
    let run: FuzzRun

    /// Keys whose values are numbers a renderer loops over or divides by.
    static let numericKeys = ["limit", "pageSize", "count", "span", "max", "maxItems", "columns", "order", "schemaVersion", "formatVersion", "days", "size", "height", "width"]

    func fuzz() throws {
        let source = try FuzzCommunity.make()
        let bundles = try source.siteIDs.map { try source.exportSite($0) }
        var mutator = Mutator(random: SeededRandom(seed: run.seed ^ 0x4255_4E44_4C45))
        print("bundle: exported \(bundles.count) bundles (\(bundles.map(\.count).map(String.init).joined(separator: ", ")) bytes)")
        // Fresh communities cost a seed each; one serves several bundles, renewed now and then.
        var community = try FuzzCommunity.make(sites: false)
        var imported = 0
        // First, systematically: every component's integer properties at the edges.
        var systematic = 0
        for original in bundles {
            guard let tree = try? JSONSerialization.jsonObject(with: original) else { continue }
            var all: [[Step]] = []
            paths(tree, into: &all)
            let properties = all.filter { path in
                if case .key("properties") = path.last { return true }
                return false
            }
            for path in properties {
                for (name, value) in [("limit", -1), ("limit", Int.max), ("suggestions", -1), ("level", -1)] {
                    let mutated = modify(tree, at: path[...]) { node in
                        guard var object = node as? [String: Any] else { return node }
                        object[name] = value
                        return object
                    }
                    guard let data = try? JSONSerialization.data(withJSONObject: mutated) else { continue }
                    systematic += 1
                    if attempt(data, in: community) { imported += 1 }
                }
            }
        }
        print("bundle: \(systematic) systematic bundles (integer properties at the edges), \(imported) imported")
        community = try FuzzCommunity.make(sites: false)
        for iteration in 0..<run.iterations {
            if iteration % 25 == 24 { community = try FuzzCommunity.make(sites: false) }
            let original = mutator.random.pick(bundles, or: Data())
            let data: Data
            if mutator.random.oneIn(12) {
                data = mutateBytes(original, &mutator)
            } else if var tree = try? JSONSerialization.jsonObject(with: original) {
                for _ in 0..<(mutator.random.oneIn(3) ? 1 + mutator.random.below(4) : 1) { tree = mutate(tree, &mutator, depth: 0) }
                guard let encoded = try? JSONSerialization.data(withJSONObject: tree, options: [.fragmentsAllowed]) else { continue }
                data = nonFiniteNumbers(encoded, &mutator)
            } else {
                continue
            }
            if attempt(data, in: community) { imported += 1 }
        }
        print("bundle: \(imported) bundles imported in all")
    }

    /// Imports `data` dry and for real; if it imports, renders its pages. Whether it imported.
    private func attempt(_ data: Data, in community: Community) -> Bool {
        let input = "bundle (\(data.count) bytes): " + String(decoding: data, as: UTF8.self)
        if run.avoids(input) { return false }
        run.trying("bundle", input)
        do {
            _ = try community.importSite(data, dryRun: true)
            let plan = try community.importSite(data, dryRun: false)
            render(plan.site.id, in: community, input: input)
            return true
        } catch {
            // A typed error is the right answer to a bad bundle.
            if run.verbose { print("  refused: " + String(describing: error).replacingOccurrences(of: "\n", with: " / ").prefix(300)) }
            return false
        }
    }

    /// Renders every page of an imported site as the guest and a member, and crawls from its root.
    private func render(_ siteID: String, in community: Community, input: String) {
        guard let responder = community.site(siteID) else { return }
        let site = responder.site
        let allowUnavailable = site.status == .offline
        let pagePaths = site.pages.compactMap { site.path(of: $0.id) }.map { site.urlPrefix + $0 }
        let redirectPaths = site.redirects.keys.sorted().map { site.urlPrefix + ($0.hasPrefix("/") ? $0 : "/" + $0) }
        let fixedPaths = [site.urlPrefix + "/", site.urlPrefix, site.urlPrefix + "/robots.txt", site.urlPrefix + "/sitemap.xml", site.urlPrefix + "/nope"]
        // The guest and a member (Pat's partner profile is a member of both template sites).
        for viewerID in [nil, "pat"] as [String?] {
            let viewer = FuzzCommunity.viewer(viewerID, in: community)
            for page in site.pages {
                let parameters = page.parameter.map { [$0: "lead-acme-1"] } ?? [:]
                run.trying("bundle", "render \(page.id) as \(viewerID ?? "guest") of " + input)
                let response = responder.render(page, parameters: parameters, request: SiteRequest(.get, site.urlPrefix + "/" + page.slug, viewer: viewer))
                run.check(response, target: "bundle", input: "page \(page.id) as \(viewerID ?? "guest") of " + input, allowUnavailable: allowUnavailable)
            }
            for path in fixedPaths + redirectPaths + (viewerID == nil ? [] : pagePaths) {
                run.trying("bundle", "GET \(path) as \(viewerID ?? "guest") of " + input)
                let response = community.handle(SiteRequest(.get, path, viewer: viewer))
                run.check(response, target: "bundle", input: "GET \(abbreviated(path)) as \(viewerID ?? "guest") of " + input, allowUnavailable: allowUnavailable)
            }
        }
    }

    /// One step into a JSON value: an object key or an array index.
    enum Step {
        case key(String)
        case index(Int)
    }

    /// Every node's path (the root too), with the key or index that leads to it.
    private func paths(_ value: Any, prefix: [Step] = [], into out: inout [[Step]]) {
        out.append(prefix)
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() { paths(object[key] ?? NSNull(), prefix: prefix + [.key(key)], into: &out) }
        } else if let array = value as? [Any] {
            for (i, element) in array.enumerated() { paths(element, prefix: prefix + [.index(i)], into: &out) }
        }
    }

    /// `value` with the node at `path` replaced by `transform(node)`.
    private func modify(_ value: Any, at path: ArraySlice<Step>, _ transform: (Any) -> Any) -> Any {
        guard let step = path.first else { return transform(value) }
        switch step {
        case .key(let key):
            guard var object = value as? [String: Any], let child = object[key] else { return value }
            object[key] = modify(child, at: path.dropFirst(), transform)
            return object
        case .index(let i):
            guard var array = value as? [Any], array.indices.contains(i) else { return value }
            array[i] = modify(array[i], at: path.dropFirst(), transform)
            return array
        }
    }

    /// A JSON value changed at one node: picked at random, or (one time in three) a node whose
    /// key names a limit, a URL, a component type or properties.
    private func mutate(_ tree: Any, _ mutator: inout Mutator, depth: Int) -> Any {
        var all: [[Step]] = []
        paths(tree, into: &all)
        let interesting = Set(Self.numericKeys + ["to", "from", "target", "url", "href", "urlPrefix", "baseURL", "logo", "type", "properties", "redirects", "id", "audienceID", "parameter", "slug", "parentID"])
        let targeted = all.filter { path in
            if case .key(let key) = path.last { return interesting.contains(key) }
            return false
        }
        let path = mutator.random.oneIn(3) && !targeted.isEmpty ? mutator.random.pick(targeted, or: []) : mutator.random.pick(all, or: [])
        var key = ""
        if case .key(let k) = path.last { key = k }
        return modify(tree, at: path[...]) { node in mutateNode(node, key: key, &mutator) }
    }

    private func mutateNode(_ node: Any, key: String, _ mutator: inout Mutator) -> Any {
        if Self.numericKeys.contains(key), mutator.random.oneIn(2) { return hostileNumber(&mutator) }
        if ["to", "from", "target", "url", "href", "urlPrefix", "baseURL", "logo"].contains(key), mutator.random.oneIn(2) {
            return mutator.random.pick(["javascript:alert(1)", "//evil.example", "/a\r\nSet-Cookie: x=1", "\\\\evil.example", "data:text/html,x", "", "/", "/%0d%0aX:1", mutator.value()], or: "")
        }
        if key == "type", mutator.random.oneIn(2) {
            return mutator.random.pick(["acme.unknown", "", "community.richText", "community.recordList", "community.dashboard", "community.banner", mutator.value()], or: "")
        }
        if key == "redirects", var object = node as? [String: Any] {
            let from = mutator.random.pick(["/old", "/old/x", "/leads", "", "/", "old", "/a b", mutator.value()], or: "/old")
            object[from] = mutator.random.pick(["javascript:alert(1)", "//evil.example", "/a\r\nSet-Cookie: x=1", "\\\\evil.example", "https://evil.example", "/leads", "", "/%0d%0aX:1", "/\u{0}", mutator.value()], or: "/")
            return object
        }
        if key == "properties", var object = node as? [String: Any], !mutator.random.oneIn(3) {
            // Integer properties the schema accepts by type: limits, counts, levels.
            let name = mutator.random.pick(["limit", "suggestions", "level", "pageSize", "columns", "max"], or: "limit")
            object[name] = mutator.random.pick([-1, -100, 0, Int.min, Int.max, 1 << 40, 3, 100_000], or: -1)
            return object
        }
        if var object = node as? [String: Any] {
            switch mutator.random.below(5) {
            case 0: if let k = object.keys.sorted().randomElement(using: &mutator.random) { object.removeValue(forKey: k) }
            case 1: object[mutator.random.oneIn(2) ? mutator.value() : mutator.random.pick(Self.numericKeys, or: "limit")] = hostileJSON(&mutator)
            case 2: return hostileJSON(&mutator)
            default:
                for k in object.keys.sorted() where Self.numericKeys.contains(k) { object[k] = hostileNumber(&mutator) }
                if let k = object.keys.sorted().randomElement(using: &mutator.random) { object[k] = hostileJSON(&mutator) }
            }
            return object
        }
        if var array = node as? [Any] {
            switch mutator.random.below(4) {
            case 0 where !array.isEmpty: array.remove(at: mutator.random.below(array.count))
            case 1 where !array.isEmpty: array += Array(repeating: array[mutator.random.below(array.count)], count: 1 + mutator.random.below(60))
            case 2: return hostileJSON(&mutator)
            default: array.append(hostileJSON(&mutator))
            }
            return array
        }
        // Scalars mostly keep their type, so the bundle still decodes and the value reaches a renderer.
        if let text = node as? String, !mutator.random.oneIn(4) { return mutator.mutate(text) }
        if node is NSNumber, !mutator.random.oneIn(4) { return hostileNumber(&mutator) }
        return hostileJSON(&mutator)
    }

    /// A hostile JSON value: wrong types, edge numbers, hostile strings, deep nesting.
    private func hostileJSON(_ mutator: inout Mutator) -> Any {
        switch mutator.random.below(9) {
        case 0: return hostileNumber(&mutator)
        case 1: return NSNull()
        case 2: return mutator.random.oneIn(2)
        case 3: return [String: Any]()
        case 4: return [Any]()
        case 5:
            var nested: Any = mutator.value()
            for _ in 0..<(1 + mutator.random.below(mutator.random.oneIn(8) ? 3_000 : 60)) {
                nested = mutator.random.oneIn(2) ? [nested] as Any : ["x": nested] as Any
            }
            return nested
        default: return mutator.value()
        }
    }

    private func hostileNumber(_ mutator: inout Mutator) -> Any {
        mutator.random.pick([-1, 0, -9_223_372_036_854_775_807, 9_223_372_036_854_775_807, 2_147_483_648, 1_000_000_000, -100, 7, 1.5, -0.5, 1e308, -1e308, Double.leastNonzeroMagnitude] as [Any], or: 0)
    }

    /// Swaps some number tokens for the non-finite spellings some decoders accept, or for huge literals.
    private func nonFiniteNumbers(_ data: Data, _ mutator: inout Mutator) -> Data {
        guard mutator.random.oneIn(12) else { return data }
        var text = String(decoding: data, as: UTF8.self)
        let replacement = mutator.random.pick(["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "123456789012345678901234567890", "-0", "0.0000000001"], or: "NaN")
        if let range = text.range(of: #":\s*-?[0-9]+(\.[0-9]+)?"#, options: .regularExpression) {
            text.replaceSubrange(range, with: ":" + replacement)
        }
        return Data(text.utf8)
    }

    /// Raw byte damage: truncation, flipped bytes, a spliced hostile string.
    private func mutateBytes(_ data: Data, _ mutator: inout Mutator) -> Data {
        var bytes = [UInt8](data)
        switch mutator.random.below(4) {
        case 0: bytes = Array(bytes.prefix(mutator.random.below(bytes.count + 1)))
        case 1:
            for _ in 0..<(1 + mutator.random.below(8)) where !bytes.isEmpty {
                bytes[mutator.random.below(bytes.count)] = UInt8(truncatingIfNeeded: mutator.random.next())
            }
        case 2: bytes.insert(contentsOf: Array(mutator.value().utf8), at: mutator.random.below(bytes.count + 1))
        default: bytes = Array(String(repeating: "[", count: 100_000).utf8)
        }
        return Data(bytes)
    }
}
