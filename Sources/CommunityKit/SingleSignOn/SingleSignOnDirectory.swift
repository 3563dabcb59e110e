import CommunityModel
import CommunityIdentity
import CommunityRendering

/// The providers each site's sign-in page offers, read from the store on every render, so a
/// configuration change on one host shows on all.
struct SingleSignOnDirectory: SingleSignOnChoices {
    let store: any Store

    func choices(for site: Site) -> [SingleSignOnChoice] {
        let records = (try? Self.records(of: site.id, in: store)) ?? []
        return records.compactMap { record in
            SafeURL(site.urlPrefix + "/" + Community.singleSignOnSegment + "/start/" + record.key).map {
                SingleSignOnChoice(displayName: record.displayName, start: $0)
            }
        }
    }

    func linkedProviders(of user: ID<User>, site: Site) -> [String] {
        let snapshot = store.snapshot()
        guard let links = try? snapshot.query(Query<FederationLink>().where("userID", equals: .reference(user.rawValue))), !links.isEmpty else {
            return []
        }
        var names: [String: String] = [:]
        for record in (try? Self.records(of: site.id, in: store)) ?? [] { names[record.issuer] = record.displayName }
        return links.map(\.value).sorted { $0.createdAt < $1.createdAt }.map { names[$0.issuer] ?? $0.issuer }
    }

    /// The provider records of a site, in their configured order.
    static func records(of siteID: String, in store: any Store) throws -> [OpenIDProviderRecord] {
        try store.snapshot().query(Query<OpenIDProviderRecord>().where("siteID", equals: .text(siteID))).map(\.value)
            .sorted { $0.position < $1.position }
    }
}
