public import CommunityModel
public import CommunityRendering
import Foundation

/// The builder administrators edit a site with, served under the site at `<prefix>/builder`:
/// plain HTML forms (the site's CSP forbids scripts) to list and create pages, add, remove and
/// move components between regions, rows and columns, edit their properties through forms
/// generated from each ``PropertySchema``, preview the draft as the guest or any member,
/// publish, roll back, and read the audit trail.
///
/// Only viewers holding ``SystemPermission/manageCommunity`` get in; everyone else gets 403.
/// The builder's paths shadow a page of the site with the slug `builder`.
extension Community {
    /// The permission the builder requires.
    public static let siteBuilderPermission = SystemPermission.manageCommunity

    /// The builder's path of a site (`/partners/builder`).
    public static func builderPath(of site: Site) -> String { site.urlPrefix + "/builder" }

    /// Answers a request for the builder of `site`, or `nil` when the path is not the builder's.
    func builderResponse(_ request: SiteRequest, site: Site) -> SiteResponse? {
        let root = Self.builderPath(of: site)
        guard request.path == root || request.path.hasPrefix(root + "/") else { return nil }
        let rest = request.path.dropFirst(root.count).split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard request.viewer.permissions.contains(Self.siteBuilderPermission.name) else {
            if request.viewer.isGuest, request.method != .post, let signIn = site.signInURL(returningTo: request.path) {
                return SiteResponse(status: 303, headers: ["Location": signIn.string, "Cache-Control": "no-store"])
            }
            return Self.text(403, "Only site administrators (\(Self.siteBuilderPermission.name)) may use the builder.")
        }
        do {
            try (site.limits ?? .standard).check(request)
        } catch {
            return Self.text(error.status, error.description)
        }
        guard rest.count <= 6 else { return SiteBuilderPages(community: self, siteID: site.id, viewer: request.viewer).notFound() }
        let pages = SiteBuilderPages(community: self, siteID: site.id, viewer: request.viewer)
        switch (request.method, rest.first) {
        case (.post, "action") where rest.count == 2:
            return builderAction(rest[1], request: request, site: site, pages: pages)
        case (.post, _):
            return Self.text(405, "Method Not Allowed")
        case (let method, _) where !method.isPageMethod:
            return Self.text(405, "Method Not Allowed")
        default:
            var response = builderGet(rest, request: request, pages: pages) ?? pages.notFound()
            if request.method == .head { response.body = "" }
            return response
        }
    }

    private func builderGet(_ rest: [String], request: SiteRequest, pages: SiteBuilderPages) -> SiteResponse? {
        switch rest.count {
        case 0: return pages.overview(notice: request.query["done"])
        case 1 where rest[0] == "history": return pages.history()
        case 1 where rest[0] == "audit": return pages.auditTrail()
        case 2 where rest[0] == "page": return pages.pageEditor(rest[1], notice: request.query["done"])
        case 2 where rest[0] == "preview":
            return pages.preview(rest[1], as: request.query["as"] ?? "guest", parameter: request.query["parameter"])
        case 4 where rest[0] == "page" && rest[2] == "component": return pages.componentEditor(page: rest[1], component: rest[3])
        default: return nil
        }
    }

    private func builderAction(_ name: String, request: SiteRequest, site: Site, pages: SiteBuilderPages) -> SiteResponse {
        guard Self.isSameOrigin(request, site: site) else { return Self.text(403, "The form did not come from this site.") }
        guard csrf.verify(request.form["_csrf"], for: request.viewer, site: site.id, at: clock.now()) else {
            return Self.text(403, "The form expired or did not come from this site. Reload the page and try again.")
        }
        let form = request.form.filter { $0.key != "_csrf" }
        let actor = request.viewer.user?.id
        let revision = form["revision"].flatMap { Int($0) }
        let pageID = form["page"] ?? ""
        do {
            switch name {
            case "createPage":
                return try createPage(form, site: site.id, actor: actor, pages: pages)
            case "addComponent":
                guard let position = LayoutPosition(parsing: form["column"] ?? ""), let typeName = form["type"],
                      let entry = registry.entry(for: ComponentType(typeName)) else {
                    return pages.pageEditor(pageID, form: BuilderForm(action: "addComponent", values: form, errors: ["": "choose a column and a component type"]))
                }
                guard let current = try siteDraft(site.id).page(pageID) else { return pages.notFound() }
                let added = Self.freshComponentID(for: entry.type, in: current.layout)
                try editLayout(site.id, page: pageID, actor: actor, revision: revision, summary: "added \(typeName) \(added) to page \(pageID)") { layout throws(SiteBuilderError) in
                    do throws(LayoutEditError) {
                        try layout.insert(ComponentInstance(id: added, type: entry.type, properties: [:]), at: position)
                    } catch { throw .invalidEdit(error) }
                }
                return pages.redirect(["page", pageID, "component", added])
            case "removeComponent":
                let component = form["component"] ?? ""
                try editLayout(site.id, page: pageID, actor: actor, revision: revision, summary: "removed \(component) from page \(pageID)") { layout throws(SiteBuilderError) in
                    do throws(LayoutEditError) { try layout.removeComponent(component) } catch { throw .invalidEdit(error) }
                }
                return pages.redirect(["page", pageID], done: "removed \(component)")
            case "moveComponent":
                let component = form["component"] ?? ""
                let index = form["index"].flatMap { $0.isEmpty ? nil : $0 }
                guard var position = LayoutPosition(parsing: form["to"] ?? ""),
                      index == nil || index.flatMap({ Int($0) }).map({ $0 >= 0 && $0 < 10_000 }) == true else {
                    return pages.pageEditor(pageID, form: BuilderForm(action: "moveComponent", values: form, errors: ["": "choose a column and a position from 0"]))
                }
                position.index = index.flatMap { Int($0) }
                try editLayout(site.id, page: pageID, actor: actor, revision: revision, summary: "moved \(component) on page \(pageID) to \(position)") { layout throws(SiteBuilderError) in
                    do throws(LayoutEditError) { try layout.moveComponent(component, to: position) } catch { throw .invalidEdit(error) }
                }
                return pages.redirect(["page", pageID], done: "moved \(component)")
            case "setProperties":
                return try setProperties(form, site: site.id, actor: actor, revision: revision, pages: pages)
            case "addRow":
                guard let region = form["region"].flatMap({ Int($0) }) else { return pages.notFound() }
                let columns = form["columns"] ?? ""
                try editLayout(site.id, page: pageID, actor: actor, revision: revision, summary: "added a row (\(columns)) to page \(pageID)") { layout throws(SiteBuilderError) in
                    do throws(LayoutEditError) { try layout.appendRow(columns: columns, toRegion: region) } catch { throw .invalidEdit(error) }
                }
                return pages.redirect(["page", pageID], done: "added a row")
            case "removeRow":
                guard let region = form["region"].flatMap({ Int($0) }), let row = form["row"].flatMap({ Int($0) }) else { return pages.notFound() }
                try editLayout(site.id, page: pageID, actor: actor, revision: revision, summary: "removed row \(row) of region \(region) from page \(pageID)") { layout throws(SiteBuilderError) in
                    do throws(LayoutEditError) { try layout.removeEmptyRow(region: region, row: row) } catch { throw .invalidEdit(error) }
                }
                return pages.redirect(["page", pageID], done: "removed a row")
            case "addRegion":
                let region = form["name"] ?? ""
                try editLayout(site.id, page: pageID, actor: actor, revision: revision, summary: "added region \(region) to page \(pageID)") { layout throws(SiteBuilderError) in
                    do throws(LayoutEditError) { try layout.appendRegion(named: region) } catch { throw .invalidEdit(error) }
                }
                return pages.redirect(["page", pageID], done: "added region \(region)")
            case "publish":
                do {
                    let publication = try publishSite(site.id, by: actor, expectedRevision: revision)
                    return pages.redirect([], done: "published version \(publication.version)")
                } catch .invalidDraft(_, let errors) {
                    return pages.overview(form: BuilderForm(
                        action: "publish", values: form, errors: ["": "The draft was not published: fix every problem below."],
                        problems: errors.map(\.description)))
                }
            case "rollback":
                guard let version = form["version"].flatMap({ Int($0) }) else {
                    return pages.history(form: BuilderForm(action: "rollback", values: form, errors: ["version": "enter a version number"]))
                }
                do {
                    let publication = try rollbackSite(site.id, to: version, by: actor, expectedRevision: revision)
                    return pages.redirect(["history"], done: "version \(version) is live again as version \(publication.version)")
                } catch .unknownVersion {
                    return pages.history(form: BuilderForm(action: "rollback", values: form, errors: ["version": "there is no version \(version)"]))
                }
            default:
                return pages.notFound()
            }
        } catch .unknownPage, .unknownSite {
            return pages.notFound()
        } catch .invalidEdit(let error) {
            return pages.pageEditor(pageID, form: BuilderForm(action: name, values: form, errors: ["": error.description]))
        } catch {
            return pages.conflictOrFailure(error)
        }
    }

    private func createPage(_ form: [String: String], site siteID: String, actor: ID<User>?, pages: SiteBuilderPages) throws(SiteBuilderError) -> SiteResponse {
        var errors: [String: String] = [:]
        let id = form["id"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let title = form["title"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let slug = form["slug"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let parent = form["parent"].flatMap { $0.isEmpty ? nil : $0 }
        if !PropertyPattern.identifier.matches(id) { errors["id"] = "an id of letters, digits, _, -, . and : (at most 64)" }
        if title.isEmpty || title.count > 200 { errors["title"] = "a title of 1 to 200 characters" }
        if !Page.isValidSlug(slug) { errors["slug"] = "lower-case letters, digits and - (not first)" }
        let visibility: Page.Visibility = form["visibility"] == "members" ? .members : .public
        guard errors.isEmpty else { return pages.overview(form: BuilderForm(action: "createPage", values: form, errors: errors)) }
        do {
            try editSiteDraft(siteID, by: actor, summary: "created page \(id) at \(slug)", expectedRevision: form["revision"].flatMap { Int($0) }) { site throws(SiteBuilderError) in
                // A new page starts with the home page's header and footer and an empty main row.
                let home = site.homePageID.flatMap(site.page)?.layout.regions ?? []
                let regions = home.filter { $0.name == "header" } + [Region(name: "main", rows: [Row(columns: [Column()])])]
                    + home.filter { $0.name == "footer" }
                do throws(SiteError) {
                    try site.addPage(Page(id: id, title: title, slug: slug, parentID: parent, visibility: visibility, layout: PageLayout(regions: regions)))
                } catch {
                    throw .invalidDraft(siteID: siteID, [error])
                }
            }
        } catch .invalidDraft(_, let problems) {
            return pages.overview(form: BuilderForm(action: "createPage", values: form, errors: ["": problems.map { $0.description }.joined(separator: "; ")]))
        }
        return pages.redirect(["page", id], done: "created page \(id)")
    }

    private func setProperties(_ form: [String: String], site siteID: String, actor: ID<User>?, revision: Int?, pages: SiteBuilderPages) throws(SiteBuilderError) -> SiteResponse {
        let pageID = form["page"] ?? ""
        let componentID = form["component"] ?? ""
        let draft = try siteDraft(siteID)
        guard let page = draft.page(pageID), let instance = page.layout.component(componentID),
              let entry = registry.entry(for: instance.type) else { return pages.notFound() }
        switch PropertyForm.parse(form, schema: entry.schema, component: instance) {
        case .failure(let failure):
            return pages.componentEditor(page: pageID, component: componentID, form: BuilderForm(action: "setProperties", values: form, errors: failure.errors))
        case .success(let properties):
            // The component must also decode them (the schema passed; this catches a component's own rules).
            let validator = LayoutValidator(registry: registry, audienceIDs: Set(draft.audiences.map(\.id)))
            var candidate = page.layout
            do throws(LayoutEditError) { try candidate.setProperties(properties, of: componentID) } catch { throw .invalidEdit(error) }
            let location = candidate.position(of: componentID)?.description ?? "-"
            let issues = validator.validate(candidate).filter { issue in issue.path.hasPrefix(location) }
            if !issues.isEmpty {
                return pages.componentEditor(page: pageID, component: componentID, form: BuilderForm(
                    action: "setProperties", values: form, errors: ["": issues.map { $0.description }.joined(separator: "; ")]))
            }
            try editLayout(siteID, page: pageID, actor: actor, revision: revision, summary: "set the properties of \(componentID) on page \(pageID)") { layout throws(SiteBuilderError) in
                do throws(LayoutEditError) { try layout.setProperties(properties, of: componentID) } catch { throw .invalidEdit(error) }
            }
            return pages.redirect(["page", pageID], done: "saved \(componentID)")
        }
    }

    /// Edits one page's default layout in the draft.
    private func editLayout(
        _ siteID: String, page pageID: String, actor: ID<User>?, revision: Int?, summary: String,
        _ change: (inout PageLayout) throws(SiteBuilderError) -> Void
    ) throws(SiteBuilderError) {
        try editSiteDraft(siteID, by: actor, summary: summary, expectedRevision: revision) { site throws(SiteBuilderError) in
            guard var page = site.page(pageID) else { throw .unknownPage(siteID: siteID, pageID: pageID) }
            try change(&page.layout)
            do throws(SiteError) { try site.updatePage(page) } catch { throw .invalidDraft(siteID: siteID, [error]) }
        }
    }

    /// An id for a new component: the type's name and the first free number (`banner-2`).
    static func freshComponentID(for type: ComponentType, in layout: PageLayout) -> String {
        let base = String(type.rawValue.split(separator: ".").last ?? "component").filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(40)
        let stem = base.isEmpty ? "component" : String(base)
        var number = 1
        while layout.component("\(stem)-\(number)") != nil { number += 1 }
        return "\(stem)-\(number)"
    }

    /// Whether a builder form came from this site: not marked `Sec-Fetch-Site: cross-site`, and an
    /// `Origin`, when sent, naming the site's base URL or the host the request was sent to.
    static func isSameOrigin(_ request: SiteRequest, site: Site) -> Bool {
        if request.header("sec-fetch-site") == "cross-site" { return false }
        guard let origin = request.header("origin")?.lowercased() else { return true }
        let base = site.baseURL.lowercased()
        if let schemeEnd = base.range(of: "://") {
            let authority = base[schemeEnd.upperBound...].prefix { $0 != "/" }
            if origin == base[..<schemeEnd.upperBound] + authority { return true }
        }
        if let host = request.header("host")?.lowercased(), !host.isEmpty, origin == "https://" + host || origin == "http://" + host {
            return true
        }
        return false
    }

    static func text(_ status: Int, _ body: String) -> SiteResponse {
        SiteResponse(status: status, headers: SecurityHeaders.forText("text/plain; charset=utf-8"), body: body)
    }
}
