import CommunityKit
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
        var mutator = Mutator(random: SplitMix64(seed: run.seed ^ 0x4255_4E44_4C45))
        print("bundle: exported \(bundles.count) bundles (\(bundles.map(\.count).map(String.init).joined(separator: ", ")) bytes)")
        // Fresh communities cost a seed each; a pool of them, renewed as bundles replace sites.
        var community = try FuzzCommunity.make(sites: false)
        for iteration in 0..<run.iterations {
            if iteration % 25 == 24 { community = try FuzzCommunity.make(sites: false) }
            let original = mutator.random.pick(bundles, or: Data())
            let data: Data
            if mutator.random.oneIn(8) {
                data = mutateBytes(original, &mutator)
            } else if var tree = try? JSONSerialization.jsonObject(with: original) {
                for _ in 0..<(1 + mutator.random.below(4)) { tree = mutate(tree, &mutator, depth: 0) }
                guard let encoded = try? JSONSerialization.data(withJSONObject: tree, options: [.fragmentsAllowed]) else { continue }
                data = nonFiniteNumbers(encoded, &mutator)
            } else {
                continue
            }
            let input = "bundle (\(data.count) bytes): " + String(decoding: data.prefix(3_000), as: UTF8.self)
            run.trying("bundle", input)
            do {
                _ = try community.importSite(data, dryRun: true)
                let plan = try community.importSite(data, dryRun: false)
                render(plan.site.id, in: community, input: input)
            } catch {
                // A typed error is the right answer to a bad bundle.
                if run.verbose { print("  refused: \(String(describing: error).prefix(200))") }
            }
        }
    }

    /// Renders every page of an imported site as the guest and a member, and crawls from its root.
    private func render(_ siteID: String, in community: Community, input: String) {
        guard let responder = community.site(siteID) else { return }
        let site = responder.site
        let allowUnavailable = site.status == .offline
        for viewerID in [nil, "cara", "pat", "kim"] as [String?] {
            let viewer = FuzzCommunity.viewer(viewerID, in: community)
            for page in site.pages {
                let parameters = page.parameter.map { [$0: "lead-acme-1"] } ?? [:]
                run.trying("bundle", "render \(page.id) as \(viewerID ?? "guest") of " + input)
                let response = responder.render(page, parameters: parameters, request: SiteRequest(.get, site.urlPrefix + "/" + page.slug, viewer: viewer))
                run.check(response, target: "bundle", input: "page \(page.id) as \(viewerID ?? "guest") of " + input, allowUnavailable: allowUnavailable)
            }
            for path in [site.urlPrefix + "/", site.urlPrefix, site.urlPrefix + "/robots.txt", site.urlPrefix + "/sitemap.xml", site.urlPrefix + "/nope"] {
                run.trying("bundle", "GET \(path) as \(viewerID ?? "guest") of " + input)
                let response = community.handle(SiteRequest(.get, path, viewer: viewer))
                run.check(response, target: "bundle", input: "GET \(path.debugDescription) as \(viewerID ?? "guest") of " + input, allowUnavailable: allowUnavailable)
            }
        }
        if site.urlPrefix.hasPrefix("/"), site.urlPrefix.count < 200 {
            _ = HandleFuzzer(run: run).crawl(community, roots: [site.urlPrefix + "/"], target: "bundle", viewerIDs: [nil, "pat"], limit: 8)
        }
    }

    /// A JSON value changed by one mutation somewhere inside it.
    private func mutate(_ value: Any, _ mutator: inout Mutator, depth: Int) -> Any {
        if let object = value as? [String: Any], !object.isEmpty, depth < 40, !mutator.random.oneIn(6) {
            var object = object
            let keys = object.keys.sorted()
            let key = mutator.random.pick(keys, or: "")
            switch mutator.random.below(10) {
            case 0: object.removeValue(forKey: key)
            case 1: object[mutator.random.oneIn(2) ? mutator.value() : mutator.random.pick(Self.numericKeys, or: "limit")] = hostileJSON(&mutator)
            case 2: object[key] = hostileJSON(&mutator)
            default: object[key] = mutate(object[key] ?? NSNull(), &mutator, depth: depth + 1)
            }
            // Aim at known shapes: component types, limits, redirects, URL prefixes.
            if mutator.random.oneIn(5) {
                if object["type"] is String { object["type"] = mutator.random.pick(["acme.unknown", "", "community.richText", "community.recordList", "community.dashboard", mutator.value()], or: "") }
                for numeric in Self.numericKeys where object[numeric] != nil { object[numeric] = hostileNumber(&mutator) }
                for urlKey in ["to", "from", "target", "url", "href", "urlPrefix", "baseURL", "logo"] where object[urlKey] != nil {
                    object[urlKey] = mutator.random.pick(["javascript:alert(1)", "//evil.example", "/a\r\nSet-Cookie: x=1", "\\\\evil.example", "data:text/html,x", "", "/", mutator.value()], or: "")
                }
            }
            return object
        }
        if let array = value as? [Any], depth < 40, !mutator.random.oneIn(6) {
            var array = array
            switch mutator.random.below(6) {
            case 0 where !array.isEmpty: array.remove(at: mutator.random.below(array.count))
            case 1 where !array.isEmpty: array += Array(repeating: array[mutator.random.below(array.count)], count: 1 + mutator.random.below(60))
            case 2: array.append(hostileJSON(&mutator))
            default:
                if !array.isEmpty {
                    let i = mutator.random.below(array.count)
                    array[i] = mutate(array[i], &mutator, depth: depth + 1)
                } else {
                    array.append(hostileJSON(&mutator))
                }
            }
            return array
        }
        if let text = value as? String, mutator.random.oneIn(2) { return mutator.mutate(text) }
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
            for _ in 0..<(1 + mutator.random.below(mutator.random.oneIn(4) ? 3_000 : 60)) {
                nested = mutator.random.oneIn(2) ? [nested] as Any : ["x": nested] as Any
            }
            return nested
        default: return mutator.value()
        }
    }

    private func hostileNumber(_ mutator: inout Mutator) -> Any {
        mutator.random.pick([-1, 0, -9_223_372_036_854_775_807, 9_223_372_036_854_775_807, 2_147_483_648, 1_000_000_000, -100, 7, 1.5, -0.5, 1e308, -1e308, 5e-324] as [Any], or: 0)
    }

    /// Swaps some number tokens for the non-finite spellings some decoders accept, or for huge literals.
    private func nonFiniteNumbers(_ data: Data, _ mutator: inout Mutator) -> Data {
        guard mutator.random.oneIn(6) else { return data }
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
