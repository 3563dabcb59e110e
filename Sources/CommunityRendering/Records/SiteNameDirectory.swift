/// The names of the engine's sites by id, for the site lookup (``ObjectSchema/siteField``,
/// Salesforce's `NetworkId`) that cases, leads and opportunities carry: record pages and
/// reports show "Partner Central" where the record holds `partners`. The engine registers one
/// as a render service; without it a site lookup shows the site's id.
public struct SiteNameDirectory: Sendable {
    private let lookup: @Sendable (String) -> String?

    /// A directory that asks `lookup` for a site's name (`nil`: no such site).
    public init(_ lookup: @escaping @Sendable (String) -> String?) { self.lookup = lookup }

    /// The name of the site with this id; `nil` when there is none.
    public func name(of site: String) -> String? { lookup(site) }
}
