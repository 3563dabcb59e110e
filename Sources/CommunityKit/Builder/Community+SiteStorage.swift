public import CommunityModel
public import CommunityRendering
import Foundation
import Synchronization

/// Sites as versioned data: a draft edited in the builder, publications, rollback and an
/// audit trail, all kept in the ``Store`` (see ``SiteEntities``).
///
/// A site enters the store through ``storeSite(_:by:)`` (a host's code-defined site) or
/// through its first builder edit; from then on a `Community` built on the same store
/// restores its published version on start. ``addSite(_:)`` serves a site from code only and
/// never touches the store: a host that calls it after a restore replaces the stored
/// site's live version with its code until the next publication.
extension Community {
    // MARK: Reading

    /// The site's draft: the stored draft, or the live site when the site is not stored yet.
    ///
    /// - Throws: ``SiteBuilderError/unknownSite(_:)`` when the site is neither stored nor live.
    public func siteDraft(_ siteID: String) throws(SiteBuilderError) -> Site {
        let reader = store.snapshot()
        do {
            if let draft = try Self.readDraft(siteID, in: reader) { return draft }
        } catch {
            throw Self.builderError(error, siteID: siteID)
        }
        guard let live = site(siteID)?.site else { throw .unknownSite(siteID) }
        return live
    }

    /// Where a stored site stands, with its revision (the record's version); `nil` when not stored.
    public func siteBuilderState(_ siteID: String) -> Versioned<SiteBuilderState>? {
        try? store.snapshot().get(SiteStorageKey.key(siteID) as ID<SiteBuilderState>)
    }

    /// Every publication of a site, newest first.
    public func siteHistory(_ siteID: String) -> [SitePublication] {
        let query = Query<SitePublication>().where("siteID", equals: .text(siteID))
        return ((try? store.snapshot().query(query)) ?? []).map(\.value).sorted { $0.version > $1.version }
    }

    /// A site's audit trail (draft edits, publications, rollbacks), newest first.
    public func siteAuditTrail(_ siteID: String) -> [SiteAuditEntry] {
        let query = Query<SiteAuditEntry>().where("siteID", equals: .text(siteID))
        return ((try? store.snapshot().query(query)) ?? []).map(\.value).sorted { $0.sequence > $1.sequence }
    }

    // MARK: Writing

    /// Puts a site defined in code under the builder: when the store has no such site, validates
    /// it, stores it as its draft and as version 1 and serves it; when the store has it already,
    /// serves the stored published version and ignores `site`, so builder edits published
    /// earlier survive the host's next start.
    ///
    /// - Throws: ``CommunityError/invalidSite(id:_:)`` with every problem, or a store error.
    @discardableResult
    public func storeSite(_ site: Site, by actor: ID<User>? = nil) throws -> SiteResponder {
        let existing = store.snapshot()
        if try existing.get(SiteStorageKey.key(site.id) as ID<SiteBuilderState>) == nil {
            let errors = site.validate(registry: registry)
            guard errors.isEmpty else { throw CommunityError.invalidSite(id: site.id, errors) }
            try store.write { tx in
                guard try tx.get(SiteStorageKey.key(site.id) as ID<SiteBuilderState>) == nil else { return }
                _ = try self.adopt(site, actor: actor, in: tx)
            }
        }
        guard let state = siteBuilderState(site.id)?.value,
              let live = try store.snapshot().value(SiteStorageKey.key(site.id, "v\(state.liveVersion)") as ID<SitePublication>)
        else { throw SiteBuilderError.unknownSite(site.id) }
        try installPublished(live.site, version: live.version)
        guard let responder = self.site(site.id) else { throw SiteBuilderError.unknownSite(site.id) }
        return responder
    }

    /// Changes a site's draft in one transaction and records the change in the audit trail; the
    /// live site keeps serving its published version. A site not stored yet is stored first
    /// (its live version becomes version 1).
    ///
    /// - Parameters:
    ///   - expectedRevision: the revision the change is based on (``siteBuilderState(_:)``);
    ///     `nil` applies it to whatever is current.
    ///   - change: edits the draft; a throw leaves everything as it was.
    /// - Throws: ``SiteBuilderError``: the change's own error, ``SiteBuilderError/conflict(siteID:expectedRevision:actualRevision:)``
    ///   or ``SiteBuilderError/unknownSite(_:)``.
    @discardableResult
    public func editSiteDraft(
        _ siteID: String, by actor: ID<User>?, summary: String, expectedRevision: Int? = nil,
        _ change: (inout Site) throws(SiteBuilderError) -> Void
    ) throws(SiteBuilderError) -> Site {
        let live = site(siteID)?.site
        return try writeSite(siteID, live: live, expectedRevision: expectedRevision) { tx, state in
            guard let old = try Self.readDraft(siteID, in: tx) else { throw SiteBuilderError.unknownSite(siteID) }
            var next = old
            try change(&next)
            try Self.writeDraft(next, replacing: old, in: tx)
            state.unpublishedEdits += 1
            try self.audit(siteID, actor: actor, kind: .draftEdit, summary: summary, state: &state, in: tx)
            return next
        }
    }

    /// Publishes the draft as the next version, atomically: the draft must pass validation
    /// (every page, layout, property, audience, menu and redirect, as ``Site/validate(registry:)``
    /// checks them), and the live site switches to it only once it is stored.
    ///
    /// - Throws: ``SiteBuilderError/invalidDraft(siteID:_:)`` listing every problem (nothing changes),
    ///   ``SiteBuilderError/conflict(siteID:expectedRevision:actualRevision:)`` when someone changed
    ///   or published the site since `expectedRevision`, or ``SiteBuilderError/unknownSite(_:)``.
    @discardableResult
    public func publishSite(_ siteID: String, by actor: ID<User>?, expectedRevision: Int? = nil) throws(SiteBuilderError) -> SitePublication {
        let live = site(siteID)?.site
        let publication = try writeSite(siteID, live: live, expectedRevision: expectedRevision) { tx, state in
            guard let draft = try Self.readDraft(siteID, in: tx) else { throw SiteBuilderError.unknownSite(siteID) }
            try self.checkServable(draft)
            let version = state.latestVersion + 1
            let publication = SitePublication(site: draft, version: version, publishedBy: actor, publishedAt: self.clock.now())
            try tx.put(publication, expecting: .absent)
            state.latestVersion = version
            state.liveVersion = version
            state.unpublishedEdits = 0
            try self.audit(siteID, actor: actor, kind: .publish, summary: "published version \(version)", state: &state, in: tx)
            return publication
        }
        try installAfterCommit(publication)
        return publication
    }

    /// Publishes an earlier version's site again, as a new version; the draft is left as it is.
    ///
    /// - Throws: ``SiteBuilderError/unknownVersion(siteID:version:)`` when no such version exists
    ///   (nothing changes), ``SiteBuilderError/conflict(siteID:expectedRevision:actualRevision:)``,
    ///   ``SiteBuilderError/invalidDraft(siteID:_:)`` when the old version no longer validates
    ///   (a component type it uses is gone), or ``SiteBuilderError/unknownSite(_:)``.
    @discardableResult
    public func rollbackSite(
        _ siteID: String, to version: Int, by actor: ID<User>?, expectedRevision: Int? = nil
    ) throws(SiteBuilderError) -> SitePublication {
        let live = site(siteID)?.site
        let publication = try writeSite(siteID, live: live, expectedRevision: expectedRevision) { tx, state in
            guard version >= 1, version <= state.latestVersion,
                  let old = try tx.value(SiteStorageKey.key(siteID, "v\(version)") as ID<SitePublication>)
            else { throw SiteBuilderError.unknownVersion(siteID: siteID, version: version) }
            try self.checkServable(old.site)
            let next = state.latestVersion + 1
            let publication = SitePublication(
                site: old.site, version: next, publishedBy: actor, publishedAt: self.clock.now(), restoredVersion: version)
            try tx.put(publication, expecting: .absent)
            state.latestVersion = next
            state.liveVersion = next
            try self.audit(siteID, actor: actor, kind: .rollback, summary: "rolled back to version \(version) as version \(next)", state: &state, in: tx)
            return publication
        }
        try installAfterCommit(publication)
        return publication
    }

    /// Renders a page of the draft as `viewer` would see it once published, for the builder's
    /// preview; never served on the live site. A viewer who may not see the page gets 403.
    ///
    /// - Throws: ``SiteBuilderError/unknownPage(siteID:pageID:)``, or ``SiteBuilderError/invalidDraft(siteID:_:)``
    ///   when the draft does not compile.
    public func previewSite(_ siteID: String, page pageID: String, parameter: String? = nil, as viewer: Viewer) throws(SiteBuilderError) -> SiteResponse {
        var draft = try siteDraft(siteID)
        guard let page = draft.page(pageID) else { throw .unknownPage(siteID: siteID, pageID: pageID) }
        draft.status = .published
        let responder: SiteResponder
        do {
            responder = try SiteResponder(site: draft, registry: registry, services: services(for: draft), actions: actions, csrf: csrf, clock: clock, cookies: cookies)
        } catch {
            throw .invalidDraft(siteID: siteID, [error])
        }
        guard draft.mayView(page, viewer: viewer) else {
            return SiteResponse(status: 403, headers: SecurityHeaders.forText("text/plain; charset=utf-8"),
                                body: "\(viewer.user?.name ?? "The guest") may not see page \(page.id).")
        }
        let parameters = page.parameter.map { [$0: parameter ?? ""] } ?? [:]
        let path = draft.url(of: page.id, parameter: parameter)?.string ?? draft.urlPrefix + "/"
        var response = responder.render(page, parameters: parameters, request: SiteRequest(.get, path, viewer: viewer))
        response.headers["X-Robots-Tag"] = "noindex"
        return response
    }

    /// Installs an imported site: a stored site gets it as its draft and publishes it as the
    /// next version (so history, rollback and restarts keep it); any other site is added as
    /// ``addSite(_:)`` does.
    func installImported(_ site: Site) throws {
        guard siteBuilderState(site.id) != nil else {
            try addSite(site)
            return
        }
        try editSiteDraft(site.id, by: nil, summary: "imported a site bundle") { draft throws(SiteBuilderError) in draft = site }
        try publishSite(site.id, by: nil)
    }

    // MARK: Start

    /// Serves the published version of every stored site; a site that no longer validates (a
    /// plugin that provided one of its components is gone) is logged as `site.restoreFailed`.
    func restoreStoredSites() {
        let reader = store.snapshot()
        let states = (try? reader.all(SiteBuilderState.self)) ?? []
        for state in states.map(\.value) {
            do {
                guard let live = try reader.value(SiteStorageKey.key(state.siteID, "v\(state.liveVersion)") as ID<SitePublication>) else {
                    throw SiteBuilderError.unknownVersion(siteID: state.siteID, version: state.liveVersion)
                }
                try installPublished(live.site, version: live.version)
            } catch {
                logger.log(LogEvent(.error, "site.restoreFailed", "stored site \(state.siteID) was not restored: \(error)",
                                    metadata: ["site": .text(state.siteID)]))
            }
        }
    }

    // MARK: Internals

    /// Runs a change of a stored site in one transaction: reads (or first stores) its state,
    /// checks the revision, lets `body` change the state, writes it expecting the version read.
    private func writeSite<R>(
        _ siteID: String, live: Site?, expectedRevision: Int?,
        _ body: (any StoreTransaction, inout SiteBuilderState) throws -> R
    ) throws(SiteBuilderError) -> R {
        do {
            return try store.write { tx in
                let key: ID<SiteBuilderState> = SiteStorageKey.key(siteID)
                var current = try tx.get(key)
                if current == nil {
                    guard let live else { throw SiteBuilderError.unknownSite(siteID) }
                    let adopted = try self.adopt(live, actor: nil, in: tx)
                    current = Versioned(value: adopted.state, version: adopted.version)
                }
                guard let current else { throw SiteBuilderError.unknownSite(siteID) }
                if let expectedRevision, expectedRevision != current.version {
                    throw SiteBuilderError.conflict(siteID: siteID, expectedRevision: expectedRevision, actualRevision: current.version)
                }
                var state = current.value
                let result = try body(tx, &state)
                try tx.put(state, expecting: .exactly(current.version))
                return result
            }
        } catch {
            throw Self.builderError(error, siteID: siteID)
        }
    }

    /// Stores a live site as its draft and version 1 (inside a transaction).
    private func adopt(_ site: Site, actor: ID<User>?, in tx: any StoreTransaction) throws -> (state: SiteBuilderState, version: Int) {
        try Self.writeDraft(site, replacing: nil, in: tx)
        try tx.put(SitePublication(site: site, version: 1, publishedBy: actor, publishedAt: clock.now()), expecting: .absent)
        var state = SiteBuilderState(siteID: site.id, liveVersion: 1, latestVersion: 1)
        try audit(site.id, actor: actor, kind: .stored, summary: "stored the site as version 1", state: &state, in: tx)
        let version = try tx.put(state, expecting: .absent)
        return (state, version)
    }

    private func audit(
        _ siteID: String, actor: ID<User>?, kind: SiteAuditEntry.Kind, summary: String, state: inout SiteBuilderState,
        in tx: any StoreTransaction
    ) throws {
        state.auditCount += 1
        let entry = SiteAuditEntry(
            siteID: siteID, sequence: state.auditCount, actor: actor, at: clock.now(), kind: kind, summary: String(summary.prefix(500)))
        try tx.put(entry, expecting: .absent)
    }

    /// Throws every reason the site could not be served: validation, request limits, sign-in settings.
    private func checkServable(_ site: Site) throws(SiteBuilderError) {
        var errors = site.validate(registry: registry)
        if errors.isEmpty {
            do {
                _ = try SiteResponder(site: site, registry: registry, services: services, actions: actions, csrf: csrf, clock: clock, cookies: cookies)
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw .invalidDraft(siteID: site.id, errors) }
    }

    private func installAfterCommit(_ publication: SitePublication) throws(SiteBuilderError) {
        do {
            try installPublished(publication.site, version: publication.version)
        } catch {
            throw .store("version \(publication.version) is stored but could not go live: \(error)")
        }
    }

    /// Serves a published version unless a newer one is live already (publications that
    /// commit in one order may reach this point in another).
    func installPublished(_ site: Site, version: Int) throws(CommunityError) {
        try publishedVersions.withLock { (versions: inout [String: Int]) throws(CommunityError) in
            if let current = versions[site.id], current >= version { return }
            try addSite(site)
            versions[site.id] = version
        }
    }

    static func readDraft(_ siteID: String, in reader: any StoreReader) throws -> Site? {
        guard let settings = try reader.value(SiteStorageKey.key(siteID) as ID<SiteDraftSettings>) else { return nil }
        let stored = try reader.query(Query<SiteDraftPage>().where("siteID", equals: .text(siteID))).map(\.value.page)
        let byID = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pages = settings.pageOrder.compactMap { byID[$0] }
        return try settings.settings.replacingPages(pages, redirects: settings.settings.redirects)
    }

    static func writeDraft(_ site: Site, replacing old: Site?, in tx: any StoreTransaction) throws {
        try tx.put(try SiteDraftSettings(site: site))
        for page in site.pages where old?.page(page.id) != page {
            try tx.put(SiteDraftPage(siteID: site.id, page: page))
        }
        for page in old?.pages ?? [] where site.page(page.id) == nil {
            try tx.delete(SiteDraftPage(siteID: site.id, page: page).id)
        }
    }

    static func builderError(_ error: any Error, siteID: String) -> SiteBuilderError {
        switch error {
        case let error as SiteBuilderError: error
        case let error as SiteError: .invalidDraft(siteID: siteID, [error])
        case StoreError.conflict(_, _, let expected, let actual):
            .conflict(siteID: siteID, expectedRevision: Self.number(expected), actualRevision: actual ?? 0)
        default: .store("\(error)")
        }
    }

    private static func number(_ expected: ExpectedVersion) -> Int {
        if case .exactly(let version) = expected { return version }
        return 0
    }
}
