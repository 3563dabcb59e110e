import CommunityModel
import CommunityRendering
import Foundation

/// The site pages of the JSON API, plain HTML forms under the site's CSP (no scripts):
/// `<prefix>/api-tokens`, where a member creates and revokes their personal access tokens (a
/// new token is shown once, never put in a URL), and `<prefix>/api-tokens/webhooks`, where an
/// administrator (``SystemPermission/manageCommunity``) registers webhook endpoints and reads
/// the delivery log and the dead-letter list; `<prefix>/api-tokens/clients` is the administrator's
/// page of OAuth clients (``APIClientPages``).
extension Community {
    /// The token page's path of a site (`/partners/api-tokens`).
    public static func apiTokensPath(of site: Site) -> String { site.urlPrefix + "/api-tokens" }

    /// The webhook deliveries page's path of a site (`/partners/api-tokens/webhooks`).
    public static func webhooksPath(of site: Site) -> String { site.urlPrefix + "/api-tokens/webhooks" }

    /// A CSRF token for a viewer on a site (what `GET <prefix>/api/v1/me` returns to a session).
    public func csrfToken(for viewer: Viewer, site: String) -> String { csrf.token(for: viewer, site: site, at: clock.now()) }

    /// Answers `<prefix>/api-tokens` and its webhooks page, or `nil` for other paths.
    func apiTokenPage(_ request: SiteRequest, site: Site) -> SiteResponse? {
        let root = Self.apiTokensPath(of: site)
        guard request.path == root || request.path == Self.webhooksPath(of: site) || request.path == Self.apiClientsPath(of: site) else { return nil }
        guard request.method.isPageMethod else { return Self.text(405, "Method Not Allowed") }
        let strings = services.get(UIStrings.self) ?? .standard
        let locale = self.site(site.id)?.locale(for: request) ?? site.locales.first ?? "en"
        guard let user = request.viewer.user, !request.viewer.isGuest, site.isMember(request.viewer) else {
            if request.method != .post, let signIn = site.signInURL(returningTo: request.path) {
                return SiteResponse(status: 303, headers: ["Location": signIn.string, "Cache-Control": "no-store"])
            }
            return Self.text(403, strings.text("apiTokens.membersOnly", locale: locale))
        }
        let pages = APITokenPages(community: self, site: site, request: request, user: user.id, strings: strings, locale: locale)
        if request.path == Self.apiClientsPath(of: site) { return apiClientsPage(request, pages: pages) }
        let webhooks = request.path == Self.webhooksPath(of: site)
        if webhooks, !request.viewer.permissions.contains(SystemPermission.manageCommunity.name) {
            return Self.text(403, strings.text("apiTokens.adminsOnly", locale: locale))
        }
        if request.method == .post {
            guard Self.isSameOrigin(request, site: site) else { return Self.text(403, strings.text("form.crossOrigin", locale: locale)) }
            guard csrf.verify(request.form["_csrf"], for: request.viewer, site: site.id, at: clock.now()) else {
                return Self.text(403, strings.text("form.expired", locale: locale))
            }
            return webhooks ? pages.webhookAction(request.form) : pages.tokenAction(request.form)
        }
        var response = webhooks ? pages.webhooks() : pages.tokens()
        if request.method == .head { response.body = "" }
        return response
    }
}

/// The token and webhook pages for one member, in their language.
struct APITokenPages {
    let community: Community
    let site: Site
    /// The request being answered (its path and viewer).
    let request: SiteRequest
    let user: ID<User>
    let strings: UIStrings
    let locale: String

    /// The lifetimes a token may be given, in days.
    static let lifetimes = [7, 30, 90, 365]

    var viewer: Viewer { request.viewer }

    func t(_ key: UIStringKey, _ values: [String: String] = [:]) -> String { strings.text(key, locale: locale, values) }

    func tokens(created: IssuedAPIToken? = nil, errors: [String: String] = [:], notice: String? = nil) -> SiteResponse {
        var body: [HTMLNode] = [
            .el("h1", text: t("apiTokens.title")),
            .el("p", text: t("apiTokens.intro", ["apiURL": Community.apiPath(of: site)])),
            .el("p", [], [.el("a", [.href(SafeURL(Community.apiPath(of: site) + "/openapi.json") ?? SafeURL("/"))], text: t("apiTokens.openAPI"))]),
        ]
        if let notice { body.append(.el("p", [.class("ck-notice"), HTMLAttribute("role", "status")], text: notice)) }
        if let created {
            body.append(.el("section", [.class("ck-card"), HTMLAttribute("aria-label", t("apiTokens.newToken"))], [
                .el("h2", text: t("apiTokens.newToken")),
                .el("p", text: t("apiTokens.shownOnce")),
                .el("p", [], [.el("code", [HTMLAttribute("id", "new-token")], text: created.text)]),
            ]))
        }
        let now = community.clock.now()
        let list = (try? community.apiTokens(of: user)) ?? []
        let rows: [HTMLNode] = list.map { token in
            let state: UIStringKey = token.revokedAt != nil ? "apiTokens.revoked" : (token.expiresAt <= now ? "apiTokens.expired" : "apiTokens.active")
            var actions: [HTMLNode] = []
            if state == "apiTokens.active" {
                actions.append(form("revoke", [hidden("token", token.id.rawValue)], submit: t("apiTokens.revoke"), label: t("apiTokens.revokeLabel", ["name": token.name])))
            }
            return .el("tr", [], [
                .el("td", text: token.name), .el("td", text: token.scopeNames.joined(separator: " ")),
                .el("td", text: Self.day(token.expiresAt)), .el("td", text: t(state)), .el("td", [], actions),
            ])
        }
        body.append(.el("section", [.class("ck-card"), HTMLAttribute("aria-label", t("apiTokens.list"))], [
            .el("h2", text: t("apiTokens.list")),
            list.isEmpty ? .el("p", text: t("apiTokens.none"))
                : table([t("apiTokens.name"), t("apiTokens.scopes"), t("apiTokens.expires"), t("apiTokens.state"), ""], rows),
        ]))
        var fields: [HTMLNode] = []
        if let error = errors[""] { fields.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error)) }
        fields.append(textField("name", label: t("apiTokens.name"), error: errors["name"]))
        var boxes: [HTMLNode] = [.el("legend", text: t("apiTokens.scopes"))]
        for scope in APIScope.all.sorted() {
            let id = "scope-" + scope.name.replacingOccurrences(of: ":", with: "-")
            boxes.append(.el("div", [.class("ck-field ck-check")], [
                .el("input", [HTMLAttribute("type", "checkbox"), HTMLAttribute("id", id), HTMLAttribute("name", "scope." + scope.name), HTMLAttribute("value", "on")]),
                .el("label", [HTMLAttribute("for", id)], text: scope.name),
            ]))
        }
        if let error = errors["scopes"] { boxes.append(.el("p", [.class("ck-error")], text: error)) }
        fields.append(.el("fieldset", [.class("ck-fieldset ck-check-columns")], boxes))
        fields.append(.el("div", [.class("ck-field")], [
            .el("label", [HTMLAttribute("for", "lifetime")], text: t("apiTokens.expiresAfter")),
            .el("select", [HTMLAttribute("id", "lifetime"), HTMLAttribute("name", "days")], Self.lifetimes.map { days in
                let value = String(days)
                return .el("option", days == 90 ? [HTMLAttribute("value", value), HTMLAttribute("selected", "selected")] : [HTMLAttribute("value", value)],
                           text: t("apiTokens.days", ["count": value]))
            }),
        ]))
        body.append(.el("section", [.class("ck-card"), HTMLAttribute("aria-label", t("apiTokens.create"))], [
            .el("h2", text: t("apiTokens.create")), form("create", fields, submit: t("apiTokens.submit"), label: t("apiTokens.create")),
        ]))
        if viewer.permissions.contains(SystemPermission.manageCommunity.name) {
            body.append(.el("p", [], [.el("a", [.href(SafeURL(Community.webhooksPath(of: site)) ?? SafeURL("/"))], text: t("apiTokens.webhooksLink"))]))
            body.append(.el("p", [], [.el("a", [.href(SafeURL(Community.apiClientsPath(of: site)) ?? SafeURL("/"))], text: t("apiTokens.clientsLink"))]))
        }
        return page(t("apiTokens.title"), body, status: errors.isEmpty ? 200 : 422)
    }

    func tokenAction(_ form: [String: String]) -> SiteResponse {
        switch form["action"] {
        case "create":
            let name = form["name"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let scopes = Set(form.compactMap { key, value in key.hasPrefix("scope.") && value == "on" ? APIScope(parsing: String(key.dropFirst(6))) : nil })
            var errors: [String: String] = [:]
            if name.isEmpty || name.count > 100 { errors["name"] = t("apiTokens.nameInvalid") }
            if scopes.isEmpty { errors["scopes"] = t("apiTokens.scopesMissing") }
            guard let days = form["days"].flatMap(Int.init), Self.lifetimes.contains(days) else {
                return tokens(errors: errors.merging(["": t("apiTokens.lifetimeMissing")]) { a, _ in a })
            }
            guard errors.isEmpty else { return tokens(errors: errors) }
            do {
                let issued = try community.createPersonalAccessToken(for: user, name: name, scopes: scopes, lifetime: TimeInterval(days) * 86_400)
                return tokens(created: issued)
            } catch {
                return tokens(errors: ["": t("apiTokens.failed")])
            }
        case "revoke":
            guard let id = form["token"].flatMap({ try? ID<APIToken>(parsing: $0) }) else { return tokens(errors: ["": t("apiTokens.unknown")]) }
            do {
                try community.revokeAPIToken(id, by: user)
                return tokens(notice: t("apiTokens.revokedNotice"))
            } catch {
                return tokens(errors: ["": t("apiTokens.unknown")])
            }
        default:
            return tokens(errors: ["": t("apiTokens.unknownAction")])
        }
    }

    func webhooks(created: WebhookEndpoint? = nil, errors: [String: String] = [:]) -> SiteResponse {
        var body: [HTMLNode] = [
            .el("h1", text: t("webhooks.title")),
            .el("p", [], [.el("a", [.href(SafeURL(Community.apiTokensPath(of: site)) ?? SafeURL("/"))], text: t("apiTokens.title"))]),
        ]
        if let created {
            body.append(.el("section", [.class("ck-card"), HTMLAttribute("aria-label", t("webhooks.registered"))], [
                .el("h2", text: t("webhooks.registered")), .el("p", text: t("webhooks.secretOnce")),
                .el("p", [], [.el("code", text: created.secret)]),
            ]))
        }
        let endpoints = (try? community.webhookEndpoints()) ?? []
        body.append(.el("section", [.class("ck-card"), HTMLAttribute("aria-label", t("webhooks.endpoints"))], [
            .el("h2", text: t("webhooks.endpoints")),
            endpoints.isEmpty ? .el("p", text: t("webhooks.noEndpoints"))
                : table([t("webhooks.url"), t("webhooks.events"), t("webhooks.active")], endpoints.map { e in
                    .el("tr", [], [
                        .el("td", text: e.url), .el("td", text: e.events.joined(separator: " ")), .el("td", text: t(e.isActive ? "webhooks.yes" : "webhooks.no")),
                    ])
                }),
        ]))
        let deliveries = (try? community.webhookDeliveries()) ?? []
        func rows(_ list: [WebhookDelivery]) -> [HTMLNode] {
            list.prefix(200).map { d in
                .el("tr", [], [
                    .el("td", text: d.id.rawValue), .el("td", text: d.event), .el("td", text: t(UIStringKey("webhooks.status." + d.status.rawValue))),
                    .el("td", text: String(d.attempts)),
                    .el("td", text: d.lastStatus.map(String.init) ?? "-"), .el("td", text: d.lastError ?? ""), .el("td", text: Self.day(d.createdAt)),
                ])
            }
        }
        let headings = [
            t("webhooks.delivery"), t("webhooks.event"), t("webhooks.status"), t("webhooks.attempts"), t("webhooks.lastStatus"), t("webhooks.lastError"),
            t("webhooks.created"),
        ]
        body.append(.el("section", [.class("ck-card"), HTMLAttribute("aria-label", t("webhooks.deliveries"))], [
            .el("h2", text: t("webhooks.deliveries")), deliveries.isEmpty ? .el("p", text: t("webhooks.noDeliveries")) : table(headings, rows(deliveries)),
        ]))
        let dead = deliveries.filter { $0.status == .deadLetter }
        body.append(.el("section", [.class("ck-card"), HTMLAttribute("aria-label", t("webhooks.deadLetters"))], [
            .el("h2", text: t("webhooks.deadLetters")), dead.isEmpty ? .el("p", text: t("webhooks.noDeadLetters")) : table(headings, rows(dead)),
        ]))
        var fields: [HTMLNode] = []
        if let error = errors[""] { fields.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error)) }
        fields.append(textField("url", label: t("webhooks.urlLabel"), error: errors["url"]))
        var boxes: [HTMLNode] = [.el("legend", text: t("webhooks.events"))]
        for event in Community.webhookEventNames {
            let id = "event-" + event.replacingOccurrences(of: ".", with: "-")
            boxes.append(.el("div", [.class("ck-field ck-check")], [
                .el("input", [HTMLAttribute("type", "checkbox"), HTMLAttribute("id", id), HTMLAttribute("name", "event." + event), HTMLAttribute("value", "on")]),
                .el("label", [HTMLAttribute("for", id)], text: event),
            ]))
        }
        if let error = errors["events"] { boxes.append(.el("p", [.class("ck-error")], text: error)) }
        fields.append(.el("fieldset", [.class("ck-fieldset ck-check-columns")], boxes))
        body.append(.el("section", [.class("ck-card"), HTMLAttribute("aria-label", t("webhooks.register"))], [
            .el("h2", text: t("webhooks.register")),
            form("register", fields, submit: t("webhooks.submit"), label: t("webhooks.register"), path: Community.webhooksPath(of: site)),
        ]))
        return page(t("webhooks.title"), body, status: errors.isEmpty ? 200 : 422)
    }

    func webhookAction(_ form: [String: String]) -> SiteResponse {
        guard form["action"] == "register" else { return webhooks(errors: ["": t("apiTokens.unknownAction")]) }
        let url = form["url"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let events = form.compactMap { key, value in key.hasPrefix("event.") && value == "on" ? String(key.dropFirst(6)) : nil }.sorted()
        guard !events.isEmpty, events.allSatisfy(Community.webhookEventNames.contains) else { return webhooks(errors: ["events": t("webhooks.eventsMissing")]) }
        do {
            return webhooks(created: try community.registerWebhook(url: url, events: events))
        } catch {
            return webhooks(errors: ["url": t("webhooks.urlInvalid")])
        }
    }

    // MARK: Markup

    func form(_ action: String, _ fields: [HTMLNode], submit: String, label: String, path: String? = nil) -> HTMLNode {
        let csrf = community.csrfToken(for: viewer, site: site.id)
        let target: SafeURL = SafeURL(path ?? Community.apiTokensPath(of: site)) ?? SafeURL("/")
        return .el("form", [HTMLAttribute("method", "post"), HTMLAttribute("action", url: target), HTMLAttribute("aria-label", label)],
                   [hidden("_csrf", csrf), hidden("action", action)] + fields + [.el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: submit)])
    }

    func hidden(_ name: String, _ value: String) -> HTMLNode {
        .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", name), HTMLAttribute("value", value)])
    }

    func textField(_ name: String, label: String, error: String?) -> HTMLNode {
        var attributes = [HTMLAttribute("id", name), HTMLAttribute("name", name), HTMLAttribute("type", "text")]
        if error != nil { attributes += [HTMLAttribute("aria-invalid", "true"), HTMLAttribute("aria-describedby", name + "-error")] }
        var nodes: [HTMLNode] = [.el("label", [HTMLAttribute("for", name)], text: label), .el("input", attributes)]
        if let error { nodes.append(.el("p", [.class("ck-error"), HTMLAttribute("id", name + "-error")], text: error)) }
        return .el("div", [.class("ck-field")], nodes)
    }

    func table(_ headings: [String], _ rows: [HTMLNode]) -> HTMLNode {
        .el("div", [.class("ck-table-scroll")], [.el("table", [], [
            .el("thead", [], [.el("tr", [], headings.map { .el("th", [HTMLAttribute("scope", "col")], text: $0) })]),
            .el("tbody", [], rows),
        ])])
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// A page in the site's own frame (its header, navigation and footer), or a plain frame of
    /// its own when the site has no home page to borrow one from.
    func page(_ title: String, _ body: [HTMLNode], status: Int) -> SiteResponse {
        if let responder = community.site(site.id),
           let framed = responder.renderFramed(title: title, main: body, path: request.path, request: request, status: status) {
            return framed
        }
        let lang = String(locale.prefix { $0 != "_" && $0 != "-" })
        let skip = t("apiClients.skip")
        let tokensLabel = t("apiTokens.title")
        let stylesheet = Stylesheet.base + site.theme.customProperties + SiteBuilderPages.css
        let hash = SHA256.base64(SHA256.hash(Array(stylesheet.utf8)))
        var out = "<!DOCTYPE html><html lang=\"" + HTMLEscaping.escape(lang) + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<meta name=\"robots\" content=\"noindex\">"
        HTMLNode.el("title", text: title + " | " + site.name).render(into: &out)
        out += "<style>" + stylesheet + "</style></head><body>"
        out += "<a class=\"ck-skip\" href=\"#main\">" + HTMLEscaping.escape(skip) + "</a>"
        HTMLNode.el("header", [.class("ck-header")], [
            .el("nav", [.class("ck-nav"), HTMLAttribute("aria-label", "Account")], [.el("ul", [], [
                .el("li", [], [.el("a", [.href(SafeURL(site.urlPrefix + "/") ?? SafeURL("/"))], text: site.name)]),
                .el("li", [], [.el("a", [.href(SafeURL(Community.apiTokensPath(of: site)) ?? SafeURL("/"))], text: tokensLabel)]),
            ])]),
        ]).render(into: &out)
        HTMLNode.el("main", [HTMLAttribute("id", "main"), .class("ck-builder")], body).render(into: &out)
        out += "</body></html>"
        return SiteResponse(status: status, headers: SecurityHeaders.forPage(styleHash: hash), body: out)
    }
}
