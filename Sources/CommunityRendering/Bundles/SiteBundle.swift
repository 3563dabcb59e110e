public import Foundation

/// A whole site as one JSON document: settings, theme, audiences, menus and every page with
/// its layout, variations and component properties. Export from one environment, check with
/// a dry run, import into another.
public struct SiteBundle: Sendable, Hashable, Codable {
    /// The bundle format this library writes.
    public static let currentFormatVersion = 1

    /// The bundle format.
    public var formatVersion: Int
    /// The site.
    public var site: Site

    /// A bundle of a site.
    public init(site: Site) {
        self.formatVersion = Self.currentFormatVersion
        self.site = site
    }

    /// Pretty, key-sorted JSON (stable, so bundles diff well in version control).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads a bundle.
    ///
    /// - Throws: ``BundleError/malformed(_:)`` naming the JSON path, or ``BundleError/unsupportedVersion(_:)``.
    public static func decode(_ data: Data) throws(BundleError) -> SiteBundle {
        guard data.count <= 20_000_000 else { throw .malformed("bundle larger than 20 MB") }
        let bundle: SiteBundle
        do {
            bundle = try JSONDecoder().decode(SiteBundle.self, from: data)
        } catch let error as DecodingError {
            throw .malformed(Self.describe(error))
        } catch {
            throw .malformed("\(error)")
        }
        guard bundle.formatVersion == currentFormatVersion else { throw .unsupportedVersion(bundle.formatVersion) }
        return bundle
    }

    /// Checks the bundle's site against a registry and lists what importing it over `existing` would change.
    ///
    /// - Throws: ``BundleError/invalidSite(_:)`` with every problem when the site is not valid:
    ///   placement, prefix, base URL, theme, layouts (property ranges, lengths and patterns
    ///   included), menus and redirects, as ``Site/validate(registry:)`` reports them.
    public func plan(over existing: Site?, registry: ComponentRegistry) throws(BundleError) -> ImportPlan {
        var checked = site
        // A hand-written bundle may say "/" for the root; sites store the root as "".
        if checked.urlPrefix == "/" { checked.urlPrefix = "" }
        let errors = checked.validate(registry: registry)
        if !errors.isEmpty { throw .invalidSite(errors) }
        do {
            try checked.replacePages(site.pages, redirects: site.redirects)
        } catch {
            throw .invalidSite([error])
        }
        return ImportPlan(site: checked, changes: ImportPlan.changes(from: existing, to: checked))
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        }
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            return "\(path(c)): \(c.debugDescription)"
        case .keyNotFound(let key, let c):
            return "\(path(c)).\(key.stringValue): missing"
        @unknown default:
            return "\(error)"
        }
    }
}

/// Why a bundle cannot be imported.
public enum BundleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON does not decode; says where.
    case malformed(String)
    /// Written by an unknown format version.
    case unsupportedVersion(Int)
    /// The site decodes but is not valid: every problem.
    case invalidSite([SiteError])

    public var description: String {
        switch self {
        case .malformed(let detail): "malformed bundle: \(detail)"
        case .unsupportedVersion(let v): "unsupported bundle format \(v)"
        case .invalidSite(let problems): "invalid site:\n" + problems.map(\.description).joined(separator: "\n")
        }
    }
}
