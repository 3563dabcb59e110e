import CommunityModel
import CommunityRendering
import Foundation

/// The builder's pages for one site and one administrator, as HTML without scripts: every
/// change is a POST form carrying the CSRF token and the revision it was based on.
struct SiteBuilderPages {
    let community: Community
    let siteID: String
    let viewer: Viewer

    private var root: String { community.site(siteID).map { Community.builderPath(of: $0.site) } ?? "/builder" }
    private var draft: Site? { try? community.siteDraft(siteID) }
    private var state: Versioned<SiteBuilderState>? { community.siteBuilderState(siteID) }
    private var revision: String { state.map { String($0.version) } ?? "" }

    // MARK: Pages

    /// The overview: where the site stands, publishing, the pages and a form to create one.
    func overview(notice: String? = nil, form: BuilderForm? = nil) -> SiteResponse {
        guard let draft else { return notFound() }
        var body: [HTMLNode] = [.el("h1", text: "Builder: " + draft.name)]
        if let notice { body.append(Self.notice(notice)) }
        body.append(.el("p", text: statusLine(draft)))
        var publish: [HTMLNode] = []
        if let form, form.action == "publish" {
            publish.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: form.errors[""] ?? ""))
            publish.append(.el("ul", [.class("ck-error"), HTMLAttribute("aria-label", "Problems")], form.problems.map { .el("li", text: $0) }))
        }
        publish.append(postForm("publish", [], submit: "Publish the draft"))
        body.append(section("Publish", publish))
        let rows: [HTMLNode] = draft.pages.map { page in
            let path = draft.path(of: page.id) ?? ""
            var actions: [HTMLNode] = [link("Edit", ["page", page.id])]
            // The page editor previews as anyone; the list links the guest's view of pages the guest may see.
            if page.parameter == nil, draft.mayView(page, viewer: .guest) {
                actions += [.text(" · "), link("Preview as guest", ["preview", page.id], query: ["as": "guest"])]
            }
            return .el("tr", [], [
                .el("td", text: page.title), .el("td", text: path + (page.parameter.map { "/{\($0)}" } ?? "")),
                .el("td", text: Self.describe(page.visibility)), .el("td", [], actions),
            ])
        }
        body.append(section("Pages", [table(["Title", "Path", "Visibility", ""], rows)]))
        let parents = [("", "(top level)")] + draft.pages.filter { $0.parameter == nil }.map { ($0.id, $0.title) }
        body.append(section("Create a page", [postForm("createPage", [
            field("id", label: "Page id", action: "createPage", form: form),
            field("title", label: "Title", action: "createPage", form: form),
            field("slug", label: "URL segment (slug)", action: "createPage", form: form),
            select("parent", label: "Parent page", options: parents, selected: form?.value("parent", for: "createPage") ?? "", idSuffix: "create"),
            select("visibility", label: "Visibility", options: [("public", "Public"), ("members", "Members only")],
                   selected: form?.value("visibility", for: "createPage") ?? "public", idSuffix: "create"),
        ], submit: "Create page", form: form)]))
        return page("Builder", body, status: form == nil ? 200 : 422)
    }

    /// One page's layout with forms to add, remove and move components, rows and regions.
    func pageEditor(_ pageID: String, notice: String? = nil, form: BuilderForm? = nil) -> SiteResponse {
        guard let draft, let page = draft.page(pageID) else { return notFound() }
        var body: [HTMLNode] = [.el("h1", text: "Page: " + page.title), .el("p", [], [link("All pages", [])])]
        if let notice { body.append(Self.notice(notice)) }
        if let form, let error = form.errors[""] {
            body.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error))
        }
        let issues = LayoutValidator(registry: community.registry, audienceIDs: Set(draft.audiences.map(\.id))).validate(page.layout)
        if !issues.isEmpty {
            body.append(section("Problems to fix before publishing", [.el("ul", [.class("ck-error")], issues.map { .el("li", text: $0.description) })]))
        }
        body.append(previewForm(page))
        let columns = page.layout.columnPositions
        let columnOptions: [(String, String)] = columns.map { at in
            (at.columnKey, "\(page.layout.regions[at.region].name) · row \(at.row + 1) · column \(at.column + 1)")
        }
        let types = community.registry.types.map { ($0.rawValue, $0.rawValue) }
        for (r, region) in page.layout.regions.enumerated() {
            var regionNodes: [HTMLNode] = []
            for (w, row) in region.rows.enumerated() {
                var rowNodes: [HTMLNode] = [.el("h3", text: "Row \(w + 1)")]
                for (c, column) in row.columns.enumerated() {
                    let at = LayoutPosition(region: r, row: w, column: c)
                    var items: [HTMLNode] = []
                    for instance in column.components {
                        items.append(.el("li", [], [
                            .el("strong", text: instance.type.rawValue), .text(" " + instance.id + " · "),
                            link("Properties", ["page", page.id, "component", instance.id]),
                            postForm("removeComponent", [Self.hidden("page", page.id), Self.hidden("component", instance.id)],
                                     submit: "Remove " + instance.id, inline: true),
                            postForm("moveComponent", [
                                Self.hidden("page", page.id), Self.hidden("component", instance.id),
                                select("to", label: "Move \(instance.id) to", options: columnOptions, selected: at.columnKey, idSuffix: instance.id),
                                input("index", label: "at position (0 = top, empty = bottom)", value: "", idSuffix: instance.id),
                            ], submit: "Move", inline: true),
                        ]))
                    }
                    var columnNodes: [HTMLNode] = [.el("h4", text: "Column \(c + 1) (\(column.span.desktop)/12)")]
                    columnNodes.append(items.isEmpty ? .el("p", text: "No components.") : .el("ul", [], items))
                    columnNodes.append(postForm("addComponent", [
                        Self.hidden("page", page.id), Self.hidden("column", at.columnKey),
                        select("type", label: "Add a component", options: types, selected: "", idSuffix: "\(r)-\(w)-\(c)"),
                    ], submit: "Add", inline: true))
                    rowNodes.append(.el("div", [.class("ck-builder-column")], columnNodes))
                }
                if row.columns.allSatisfy(\.components.isEmpty) {
                    rowNodes.append(postForm("removeRow", [Self.hidden("page", page.id), Self.hidden("region", "\(r)"), Self.hidden("row", "\(w)")],
                                             submit: "Remove this empty row", inline: true))
                }
                regionNodes.append(.el("div", [.class("ck-builder-row")], rowNodes))
            }
            regionNodes.append(postForm("addRow", [
                Self.hidden("page", page.id), Self.hidden("region", "\(r)"),
                input("columns", label: "New row: column widths out of 12, such as 8,4", value: form?.value("columns", for: "addRow") ?? "12", idSuffix: "\(r)"),
            ], submit: "Add row", inline: true))
            body.append(section("Region: " + region.name, regionNodes))
        }
        body.append(postForm("addRegion", [
            Self.hidden("page", page.id), input("name", label: "New region name (such as sidebar)", value: "", idSuffix: "region"),
        ], submit: "Add region", inline: true))
        return self.page("Page " + page.title, body, status: form == nil ? 200 : 422)
    }

    /// A component's properties as a form generated from its schema.
    func componentEditor(page pageID: String, component componentID: String, form: BuilderForm? = nil) -> SiteResponse {
        guard let draft, let page = draft.page(pageID), let instance = page.layout.component(componentID) else { return notFound() }
        var body: [HTMLNode] = [
            .el("h1", text: "\(instance.type.rawValue) \(instance.id)"),
            .el("p", [], [link("Back to page " + page.title, ["page", page.id])]),
        ]
        guard let entry = community.registry.entry(for: instance.type) else {
            body.append(.el("p", [.class("ck-error")], text: "No component type \(instance.type.rawValue) is registered: remove this component."))
            return self.page(instance.id, body, status: form == nil ? 200 : 422)
        }
        if let error = form?.errors[""] { body.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error)) }
        let fields = [Self.hidden("page", page.id), Self.hidden("component", instance.id)]
            + PropertyForm.fields(schema: entry.schema, properties: instance.properties, form: form)
        body.append(postForm("setProperties", fields, submit: "Save to draft"))
        return self.page(instance.id, body, status: form == nil ? 200 : 422)
    }

    /// The draft page rendered for the guest or a member.
    func preview(_ pageID: String, as who: String, parameter: String?) -> SiteResponse {
        let previewViewer: Viewer
        if who == "guest" {
            previewViewer = .guest
        } else {
            guard let id = try? ID<User>(parsing: who), community.access.snapshot.user(id)?.isActive == true else {
                return Community.text(422, "No active user \(who.prefix(64)) to preview as.")
            }
            previewViewer = community.viewer(id)
        }
        let parameter = parameter.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }
        guard var response = try? community.previewSite(siteID, page: pageID, parameter: parameter, as: previewViewer) else { return notFound() }
        let name = previewViewer.user?.name ?? "the guest"
        var banner = "<p class=\"ck-notice\" role=\"status\">"
        HTMLEscaping.append("Preview of the unpublished draft as \(name). ", to: &banner)
        banner += "<a href=\""
        HTMLEscaping.append(SafeURL.path(["page", pageID], prefix: root).string, to: &banner)
        banner += "\">Back to the builder</a></p>"
        if let range = response.body.range(of: "<body>") {
            response.body.replaceSubrange(range, with: "<body>" + banner)
        }
        return response
    }

    /// Every publication, with rollback forms.
    func history(form: BuilderForm? = nil) -> SiteResponse {
        let publications = community.siteHistory(siteID)
        let live = state?.value.liveVersion
        var body: [HTMLNode] = [.el("h1", text: "Publication history"), .el("p", [], [link("All pages", [])])]
        let rows: [HTMLNode] = publications.map { publication in
            let who = publication.publishedBy?.rawValue ?? "(code)"
            var note = publication.restoredVersion.map { "rollback to version \($0)" } ?? ""
            if publication.version == live { note += note.isEmpty ? "live" : ", live" }
            let action: HTMLNode = publication.version == live ? .text("") :
                postForm("rollback", [Self.hidden("version", "\(publication.version)")], submit: "Roll back to version \(publication.version)", inline: true)
            return .el("tr", [], [
                .el("td", text: "\(publication.version)"), .el("td", text: who),
                .el("td", text: Self.timestamp(publication.publishedAt)), .el("td", text: note), .el("td", [], [action]),
            ])
        }
        body.append(table(["Version", "Published by", "When (UTC)", "", ""], rows))
        body.append(section("Roll back to a version", [postForm("rollback", [
            field("version", label: "Version number", action: "rollback", form: form),
        ], submit: "Roll back", form: form)]))
        return page("History", body, status: form == nil ? 200 : 422)
    }

    /// Every change to the site's configuration: who, when, what.
    func auditTrail() -> SiteResponse {
        let entries = community.siteAuditTrail(siteID)
        let rows: [HTMLNode] = entries.map { entry in
            .el("tr", [], [
                .el("td", text: "\(entry.sequence)"), .el("td", text: Self.timestamp(entry.at)),
                .el("td", text: entry.actor?.rawValue ?? "(code)"), .el("td", text: entry.kind.rawValue), .el("td", text: entry.summary),
            ])
        }
        let body: [HTMLNode] = [
            .el("h1", text: "Audit trail"), .el("p", [], [link("All pages", [])]),
            entries.isEmpty ? .el("p", text: "No changes yet: the site is defined in code until its first edit.") : table(["#", "When (UTC)", "Who", "Change", "What"], rows),
        ]
        return page("Audit trail", body)
    }

    func notFound() -> SiteResponse {
        page("Not found", [.el("h1", text: "Not found"), .el("p", [], [link("Back to the builder", [])])], status: 404)
    }

    /// 409 for a revision conflict (someone else changed the site), else 422 with the reason.
    func conflictOrFailure(_ error: SiteBuilderError) -> SiteResponse {
        if case .conflict = error {
            return page("Conflict", [
                .el("h1", text: "Someone else changed this site"),
                .el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error.description),
                .el("p", [], [link("Reload the builder", [])]),
            ], status: 409)
        }
        return page("Not saved", [
            .el("h1", text: "Not saved"), .el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error.description),
            .el("p", [], [link("Back to the builder", [])]),
        ], status: 422)
    }

    /// 303 to a builder page, with a notice of what was done.
    func redirect(_ segments: [String], done: String? = nil) -> SiteResponse {
        var target = SafeURL.path(segments, prefix: root).string
        if segments.isEmpty { target = root }
        if let done { target += "?done=" + SafeURL.encodeSegment(done) }
        return SiteResponse(status: 303, headers: ["Location": target, "Cache-Control": "no-store"])
    }

    // MARK: Pieces

    private func statusLine(_ draft: Site) -> String {
        guard let state else { return "Defined in code and not stored yet: the first edit stores it as version 1." }
        let s = state.value
        return "Live: version \(s.liveVersion) of \(s.latestVersion). Unpublished draft edits: \(s.unpublishedEdits). Revision \(state.version)."
    }

    private func previewForm(_ page: Page) -> HTMLNode {
        let users = Array(((try? community.store.snapshot().all(User.self)) ?? []).map(\.value).filter { $0.isActive && $0.kind != .guest }.prefix(200))
        // An audience is previewed through its first member: the layout, variation and components it sees.
        var options: [(String, String)] = [("guest", "Guest")]
        if let draft {
            for audience in draft.audiences {
                if let member = users.first(where: { audience.includes(community.viewer($0.id)) }) {
                    options.append((member.id.rawValue, "Audience \(audience.name) (as \(member.name))"))
                }
            }
        }
        options += users.map { ($0.id.rawValue, "\($0.name) (\($0.id.rawValue))") }
        var fields: [HTMLNode] = [select("as", label: "Preview as", options: options, selected: "guest", idSuffix: "preview")]
        if let parameter = page.parameter {
            fields.append(input("parameter", label: "The page's \(parameter)", value: "", idSuffix: "preview"))
        }
        fields.append(.el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: "Preview draft"))
        return .el("form", [HTMLAttribute("method", "get"), HTMLAttribute("action", url: SafeURL.path(["preview", page.id], prefix: root)),
                            .class("ck-inline")], fields)
    }

    private func postForm(_ action: String, _ fields: [HTMLNode], submit: String, inline: Bool = false, form: BuilderForm? = nil) -> HTMLNode {
        let csrf = community.csrf.token(for: viewer, site: siteID, at: community.clock.now())
        var children: [HTMLNode] = [Self.hidden("_csrf", csrf), Self.hidden("revision", revision)]
        if !inline, let form, form.action == action, let error = form.errors[""], action != "publish" {
            children.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error))
        }
        children += fields
        children.append(.el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: submit))
        var attributes = [HTMLAttribute("method", "post"), HTMLAttribute("action", url: SafeURL.path(["action", action], prefix: root))]
        if inline { attributes.append(.class("ck-inline")) }
        return .el("form", attributes, children)
    }

    private func field(_ name: String, label: String, action: String, form: BuilderForm?) -> HTMLNode {
        let id = "f-\(action)-\(name)"
        let error = form?.error(name, for: action)
        var attributes: [HTMLAttribute] = [
            HTMLAttribute("id", id), HTMLAttribute("name", name), HTMLAttribute("type", "text"),
            HTMLAttribute("value", form?.value(name, for: action) ?? ""),
        ]
        if error != nil {
            attributes.append(HTMLAttribute("aria-invalid", "true"))
            attributes.append(HTMLAttribute("aria-describedby", id + "-error"))
        }
        var nodes: [HTMLNode] = [.el("label", [HTMLAttribute("for", id)], text: label), .el("input", attributes)]
        if let error { nodes.append(.el("p", [.class("ck-error"), HTMLAttribute("id", id + "-error")], text: error)) }
        return .el("div", [.class("ck-field")], nodes)
    }

    private func input(_ name: String, label: String, value: String, idSuffix: String) -> HTMLNode {
        let id = "i-\(name)-" + Self.idPart(idSuffix)
        return .el("span", [.class("ck-field")], [
            .el("label", [HTMLAttribute("for", id)], text: label),
            .el("input", [HTMLAttribute("id", id), HTMLAttribute("name", name), HTMLAttribute("type", "text"), HTMLAttribute("value", value)]),
        ])
    }

    private func select(_ name: String, label: String, options: [(String, String)], selected: String, idSuffix: String) -> HTMLNode {
        let id = "s-\(name)-" + Self.idPart(idSuffix)
        return .el("span", [.class("ck-field")], [
            .el("label", [HTMLAttribute("for", id)], text: label),
            .el("select", [HTMLAttribute("id", id), HTMLAttribute("name", name)], options.map { value, text in
                .el("option", [HTMLAttribute("value", value)] + (value == selected ? [HTMLAttribute(flag: "selected")] : []), text: text)
            }),
        ])
    }

    private func link(_ text: String, _ segments: [String], query: [String: String] = [:]) -> HTMLNode {
        var target = segments.isEmpty ? root : SafeURL.path(segments, prefix: root).string
        if !query.isEmpty {
            target += "?" + query.sorted { $0.key < $1.key }.map { SafeURL.encodeSegment($0.key) + "=" + SafeURL.encodeSegment($0.value) }.joined(separator: "&")
        }
        guard let url = SafeURL(target) else { return .text(text) }
        return .el("a", [.href(url)], text: text)
    }

    private func section(_ title: String, _ children: [HTMLNode]) -> HTMLNode {
        .el("section", [.class("ck-card"), HTMLAttribute("aria-label", title)], [.el("h2", text: title)] + children)
    }

    private func table(_ headings: [String], _ rows: [HTMLNode]) -> HTMLNode {
        .el("table", [], [
            .el("thead", [], [.el("tr", [], headings.map { .el("th", [HTMLAttribute("scope", "col")], text: $0) })]),
            .el("tbody", [], rows),
        ])
    }

    private static func hidden(_ name: String, _ value: String) -> HTMLNode {
        .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", name), HTMLAttribute("value", value)])
    }

    private static func notice(_ text: String) -> HTMLNode {
        .el("p", [.class("ck-notice"), HTMLAttribute("role", "status")], text: String(text.prefix(300)))
    }

    private static func idPart(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "-" })
    }

    private static func describe(_ visibility: Page.Visibility) -> String {
        switch visibility {
        case .public: "public"
        case .members: "members"
        case .everyone: "everyone"
        case .audience(let id): "audience " + id
        }
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    static let css = """
        .ck-builder{max-width:80rem;margin:0 auto;padding:var(--ck-space)}.ck-builder section{margin:calc(var(--ck-space)*2) 0}\
        .ck-builder-row{border-top:1px solid #999;margin-top:var(--ck-space)}\
        .ck-builder-column{border:1px dashed #777;padding:var(--ck-space);margin:var(--ck-space) 0}\
        .ck-inline{display:flex;flex-wrap:wrap;gap:var(--ck-space);align-items:end;margin:4px 0}\
        .ck-inline .ck-field{display:flex;flex-direction:column}.ck-field{margin:4px 0}.ck-field label{display:block}\
        .ck-builder table{border-collapse:collapse;width:100%}.ck-builder th,.ck-builder td{text-align:left;padding:4px 8px;\
        border-bottom:1px solid #ccc;vertical-align:top}.ck-notice{background:#e6f4ea;color:#0b3d1a;padding:var(--ck-space)}\
        .ck-builder select,.ck-builder input,.ck-builder textarea{max-width:100%}.ck-inline .ck-field{min-width:0;max-width:100%}\
        .ck-builder li,.ck-builder td{overflow-wrap:anywhere}
        """

    /// The builder's shell around `body`: the site's stylesheet and theme, a navigation bar, noindex.
    private func page(_ title: String, _ body: [HTMLNode], status: Int = 200) -> SiteResponse {
        let site = community.site(siteID)?.site
        let stylesheet = Stylesheet.base + (draft?.theme ?? site?.theme ?? .standard).customProperties + Self.css
        let hash = SHA256.base64(SHA256.hash(Array(stylesheet.utf8)))
        var out = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<meta name=\"robots\" content=\"noindex\">"
        HTMLNode.el("title", text: title + " | Builder | " + (site?.name ?? siteID)).render(into: &out)
        out += "<style>" + stylesheet + "</style></head><body>"
        let nav: HTMLNode = .el("header", [.class("ck-header")], [
            .el("nav", [.class("ck-nav"), HTMLAttribute("aria-label", "Builder")], [.el("ul", [], [
                .el("li", [], [link("Pages", [])]), .el("li", [], [link("History", ["history"])]), .el("li", [], [link("Audit trail", ["audit"])]),
                .el("li", [], [site.map { Self.siteLink($0) } ?? .text("")]),
            ])]),
        ])
        out += "<a class=\"ck-skip\" href=\"#main\">Skip to content</a>"
        nav.render(into: &out)
        HTMLNode.el("main", [HTMLAttribute("id", "main"), .class("ck-builder")], body).render(into: &out)
        out += "</body></html>"
        return SiteResponse(status: status, headers: SecurityHeaders.forPage(styleHash: hash), body: out)
    }

    private static func siteLink(_ site: Site) -> HTMLNode {
        .el("a", [.href(SafeURL(site.urlPrefix + "/") ?? SafeURL("/"))], text: "Live site")
    }
}
