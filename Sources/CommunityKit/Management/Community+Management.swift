public import CommunityModel
public import CommunityEngagement
import CommunityContent
public import CommunityRendering
public import Foundation

/// The management console's facade: the community KPIs per site or across all sites, kept as
/// daily aggregates by ``kpiAggregator`` from the store's change feed and sign-ins; the search
/// query log behind the search KPIs, with each site's retention window for searcher ids.
///
/// ```swift
/// let kpis = try community.kpis(for: admin, site: "partners", from: Day(parsing: "2026-11-01"), to: Day(parsing: "2026-11-30"))
/// kpis.figure("engagement.posts")?.value         // posts in the partner site and engine-wide ones
/// try community.kpis(for: partnerUser, site: nil, from: start, to: end)   // throws .notPermitted
/// ```
extension Community {
    /// The permission the KPIs require, held by an internal user.
    public static let managementPermission = SystemPermission.manageCommunity
    /// The longest range of days one KPI request covers.
    public static let maximumKPIDays = 366

    /// Whether a viewer may see community KPIs: an active internal user with ``managementPermission``.
    public func mayViewKPIs(_ viewer: Viewer) -> Bool {
        guard let user = viewer.user, user.isActive, user.kind == .internal, !viewer.isGuest else { return false }
        return viewer.permissions.contains(Self.managementPermission.name)
    }

    /// The KPIs of one site (its content and engine-wide content) or, with `site` `nil`, of
    /// every site, over the days `from`…`to` (UTC, both included).
    ///
    /// - Throws: ``ManagementError/notPermitted(user:)``, ``ManagementError/unknownSite(_:)`` or
    ///   ``ManagementError/invalidRange(from:to:)``.
    public func kpis(for viewer: Viewer, site: String?, from: Day, to: Day) throws(ManagementError) -> CommunityKPIs {
        let start = KPIDay.number(of: from), end = KPIDay.number(of: to)
        guard start <= end, Int(end) - Int(start) < Self.maximumKPIDays else {
            throw .invalidRange(from: from.description, to: to.description)
        }
        return try kpis(for: viewer, site: site, days: start...end)
    }

    /// The KPIs over UTC day numbers (``KPIDay``, within ±5,000,000), as ``kpis(for:site:from:to:)``.
    public func kpis(for viewer: Viewer, site: String?, days: ClosedRange<Int32>) throws(ManagementError) -> CommunityKPIs {
        guard mayViewKPIs(viewer) else { throw .notPermitted(user: viewer.user?.id.rawValue) }
        guard Int(days.upperBound) - Int(days.lowerBound) < Self.maximumKPIDays, days.lowerBound >= -5_000_000, days.upperBound <= 5_000_000 else {
            throw .invalidRange(from: KPIDay.day(days.lowerBound).description, to: KPIDay.day(days.upperBound).description)
        }
        var scope = KPIScope.allSites
        var members: [String: Int64]?
        if let site {
            guard let responder = self.site(site) else { throw .unknownSite(site) }
            scope = .site(site)
            members = membersByKind(of: responder.site)
        }
        return CommunityKPIs(aggregates: kpiAggregator.aggregates, scope: scope, days: days, context: kpiContext(membersByKind: members))
    }

    /// A site's active members (its profiles or permission sets), by user kind.
    private func membersByKind(of site: Site) -> [String: Int64] {
        var out: [String: Int64] = [:]
        for user in (try? store.snapshot().all(User.self)) ?? [] where user.value.isActive && user.value.kind != .guest {
            if site.isMember(Self.viewer(user.value.id, access: access, store: store)) { out[user.value.kind.rawValue, default: 0] += 1 }
        }
        return out
    }

    /// Names for the top lists (members by nickname, groups, articles and accounts by name) and partner tiers.
    private func kpiContext(membersByKind: [String: Int64]?) -> KPIContext {
        let reader = store.snapshot()
        /// The entity a key names, or `nil` for a key that is not a valid id or names nothing.
        @Sendable func lookup<E: Entity>(_ type: E.Type, _ key: String) -> E? {
            guard let id = try? ID<E>(parsing: key) else { return nil }
            return try? reader.value(id)
        }
        return KPIContext(
            name: { kind, key in
                guard ID<User>.isValid(key) else { return nil }
                switch kind {
                case .member: return lookup(User.self, key)?.nickname
                case .group: return lookup(CommunityGroup.self, key)?.name
                case .article:
                    let versions = (try? reader.query(Query<ArticleVersion>().where("articleID", equals: .reference(key)))) ?? []
                    return (versions.first { $0.value.status == .published } ?? versions.first)?.value.title
                case .account: return lookup(Account.self, key)?.fields.name
                }
            },
            tier: { account in
                lookup(Account.self, account)?.fields.partnerTier?.rawValue
            },
            membersByKind: membersByKind)
    }

    // MARK: Search query log

    /// Logs a site search (the results page does this for every search): the normalised query,
    /// the number of results and the searcher (kept only for the site's retention window).
    ///
    /// - Returns: the entry's id, for ``recordSearchClick(_:position:site:)``.
    @discardableResult
    public func logSearch(_ query: String, resultCount: Int, site: String?, viewer: Viewer) throws(ManagementError) -> ID<SearchQueryLogEntry> {
        let viewerID = viewer.isGuest ? nil : viewer.user?.id
        let entry = SearchQueryLogEntry(siteID: site, query: query, resultCount: resultCount, viewerID: viewerID, at: clock.now())
        do {
            try store.write { tx in try tx.put(entry, expecting: .absent) }
        } catch {
            throw .storage("\(error)")
        }
        return entry.id
    }

    /// Records that the result at `position` (1-based) of a logged search of `site` was
    /// followed; the first click of a search counts. `item` names the result as `kind:id`
    /// (such as `article:ka-1`): click learning learns from it.
    ///
    /// - Throws: ``ManagementError/unknownSearch(_:)`` when the entry is not one of the site's.
    public func recordSearchClick(_ entry: ID<SearchQueryLogEntry>, position: Int, site: String?, item: String? = nil) throws(ManagementError) {
        guard (1...1000).contains(position) else { throw .unknownSearch(entry.rawValue) }
        let item = item.flatMap { SearchPromotion.Item(reference: $0) }.map(\.reference)
            .flatMap { $0.count <= SearchQueryLogEntry.maximumItemLength ? $0 : nil }
        do {
            try store.write { tx in
                guard var logged = try tx.value(entry), logged.siteID == site else { throw ManagementError.unknownSearch(entry.rawValue) }
                guard logged.clickedPosition == nil else { return }
                logged.clickedPosition = position
                logged.clickedAt = clock.now()
                logged.clickedItem = item
                try tx.put(logged)
            }
            if item != nil { searchTuning.invalidateModel() }
        } catch let error as ManagementError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
    }

    /// How many days a site's search log keeps searcher ids (``SearchLogRetention/defaultDays`` unless set).
    public func searchLogRetention(site: String) -> Int {
        guard let id = try? ID<SearchLogRetention>(parsing: site) else { return SearchLogRetention.defaultDays }
        return (try? store.snapshot().value(id))?.days ?? SearchLogRetention.defaultDays
    }

    /// Sets how many days a site's search log keeps searcher ids, and scrubs what is now older.
    ///
    /// - Throws: ``ManagementError/notPermitted(user:)``, ``ManagementError/unknownSite(_:)`` or
    ///   ``ManagementError/invalidRetention(days:)``.
    public func setSearchLogRetention(_ days: Int, site: String, by viewer: Viewer) throws(ManagementError) {
        guard mayViewKPIs(viewer) else { throw .notPermitted(user: viewer.user?.id.rawValue) }
        guard self.site(site) != nil, let id = try? ID<SearchLogRetention>(parsing: site) else { throw .unknownSite(site) }
        guard (0...SearchLogRetention.maximumDays).contains(days) else { throw .invalidRetention(days: days) }
        do {
            try store.write { tx in try tx.put(SearchLogRetention(site: id, days: days)) }
            searchTuning.invalidateModel()
            _ = try purgeSearchLog(now: clock.now())
        } catch {
            throw .storage("\(error)")
        }
    }

    /// Drops the searcher's id from every search log entry older than its site's retention
    /// window (engine-wide searches use the default window). ``runDueWork(now:)`` runs it hourly.
    ///
    /// - Returns: how many entries were scrubbed.
    @discardableResult
    public func purgeSearchLog(now: Date? = nil) throws -> Int {
        let moment = now ?? clock.now()
        let reader = store.snapshot()
        let windows = Dictionary(try reader.all(SearchLogRetention.self).map { ($0.value.id.rawValue, $0.value.days) }) { $1 }
        let shortest = min(SearchLogRetention.defaultDays, windows.values.min() ?? SearchLogRetention.defaultDays)
        let cutoff = moment.addingTimeInterval(-Double(shortest) * 86_400)
        let candidates = try reader.query(Query<SearchQueryLogEntry>()
            .where("identified", equals: .text("yes"))
            .filter("at", .range(lower: nil, upper: .dateTime(cutoff.addingTimeInterval(1)))))
        let expired = candidates.map(\.value).filter { entry in
            guard entry.viewerID != nil else { return false }
            let days = entry.siteID.flatMap { windows[$0] } ?? SearchLogRetention.defaultDays
            return entry.at <= moment.addingTimeInterval(-Double(days) * 86_400)
        }
        guard !expired.isEmpty else { return 0 }
        try store.write { tx in
            for var entry in expired {
                guard let current = try tx.value(entry.id), current.viewerID != nil else { continue }
                entry = current
                entry.viewerID = nil
                try tx.put(entry)
            }
        }
        searchTuning.invalidateModel()
        return expired.count
    }
}

extension Community {
    /// Registers the management console's and the search log's adapters and the site names
    /// record pages and reports show for a site lookup; the returned link is
    /// attached to the engine once it is built.
    static func installManagement(into services: inout RenderServices) -> CommunityLink {
        let link = CommunityLink()
        services.set((any ManagementConsoleProvider).self, ManagementConsoleDataProvider(link: link))
        services.set((any SearchQueryLog).self, SearchQueryLogRecorder(link: link))
        services.set((any SynonymGroupProvider).self, SynonymGroupDataProvider(link: link))
        services.set(SiteNameDirectory.self, SiteNameDirectory { [link] id in link.community?.site(id)?.site.name })
        return link
    }
}
