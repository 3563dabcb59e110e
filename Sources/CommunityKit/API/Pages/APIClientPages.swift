import CommunityModel
import CommunityRendering
import Foundation

/// The administrator's page of OAuth 2.0 clients, `<prefix>/api-tokens/clients`: register a
/// client (name, integration user, scopes; its secret is shown once, never put in a URL), list
/// them, revoke one (its tokens stop working). Plain CSRF-checked forms in the viewer's language.
extension Community {
    /// The API clients page's path of a site (`/partners/api-tokens/clients`).
    public static func apiClientsPath(of site: Site) -> String { site.urlPrefix + "/api-tokens/clients" }

    /// Answers the clients page for a signed-in member (already checked by ``apiTokenPage(_:site:)``).
    func apiClientsPage(_ request: SiteRequest, pages: APITokenPages) -> SiteResponse {
        let strings = services.get(UIStrings.self) ?? .standard
        let locale = self.site(pages.site.id)?.locale(for: request) ?? pages.site.locales.first ?? "en"
        let clients = APIClientPages(pages: pages, strings: strings, locale: locale)
        guard request.viewer.permissions.contains(SystemPermission.manageCommunity.name) else {
            return Self.text(403, strings.text("apiClients.noAccess", locale: locale))
        }
        if request.method == .post {
            guard Self.isSameOrigin(request, site: pages.site) else { return Self.text(403, strings.text("form.crossOrigin", locale: locale)) }
            guard csrf.verify(request.form["_csrf"], for: request.viewer, site: pages.site.id, at: clock.now()) else {
                return Self.text(403, strings.text("form.expired", locale: locale))
            }
            return clients.action(request.form)
        }
        var response = clients.render()
        if request.method == .head { response.body = "" }
        return response
    }
}

/// The clients page for one administrator, in their language.
struct APIClientPages {
    let pages: APITokenPages
    let strings: UIStrings
    let locale: String

    private var community: Community { pages.community }
    private var site: Site { pages.site }
    private func t(_ key: UIStringKey, _ values: [String: String] = [:]) -> String { strings.text(key, locale: locale, values) }

    /// Active users a client may act as (by name), and the site's guest user.
    private func users() -> [User] {
        let all = (try? community.store.snapshot().all(User.self).map(\.value)) ?? []
        return all.filter { $0.isActive && ($0.kind != .guest || $0.id == site.guestUserID) }
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }.prefix(500).map { $0 }
    }

    func render(created: IssuedAPIClient? = nil, errors: [String: String] = [:], notice: String? = nil, form values: [String: String] = [:]) -> SiteResponse {
        let tokenURL = Community.apiPath(of: site) + "/oauth/token"
        var body: [HTMLNode] = [
            .el("h1", text: t("apiClients.title")),
            .el("p", text: t("apiClients.intro", ["tokenURL": tokenURL])),
            .el("p", [], [
                .el("a", [.href(SafeURL(Community.apiTokensPath(of: site)) ?? SafeURL("/"))], text: t("apiClients.tokensLink")), .text(" · "),
                .el("a", [.href(SafeURL(Community.webhooksPath(of: site)) ?? SafeURL("/"))], text: t("apiClients.webhooksLink")),
            ]),
        ]
        if let notice { body.append(.el("p", [.class("ck-notice"), HTMLAttribute("role", "status")], text: notice)) }
        if let created {
            body.append(.el("section", [.class("ck-card"), HTMLAttribute("aria-label", t("apiClients.created"))], [
                .el("h2", text: t("apiClients.created")),
                .el("p", [], [.text(t("apiClients.clientID") + ": "), .el("code", [HTMLAttribute("id", "new-client-id")], text: created.client.id.rawValue)]),
                .el("p", text: t("apiClients.secretOnce")),
                .el("p", [], [.text(t("apiClients.secret") + ": "), .el("code", [HTMLAttribute("id", "new-client-secret")], text: created.secret)]),
            ]))
        }
        let clients = (try? community.apiClients()) ?? []
        let names = Dictionary(users().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows: [HTMLNode] = clients.map { client in
            var actions: [HTMLNode] = []
            if client.revokedAt == nil {
                actions.append(pages.form("revoke", [pages.hidden("client", client.id.rawValue)], submit: t("apiClients.revoke"),
                                          label: t("apiClients.revokeLabel", ["name": client.name]), path: Community.apiClientsPath(of: site)))
            }
            return .el("tr", [], [
                .el("td", text: client.name), .el("td", [], [.el("code", text: client.id.rawValue)]),
                .el("td", text: names[client.userID] ?? client.userID.rawValue), .el("td", text: client.scopeNames.joined(separator: " ")),
                .el("td", text: APITokenPages.day(client.createdAt)),
                .el("td", text: client.revokedAt == nil ? t("apiClients.active") : t("apiClients.revoked")), .el("td", [], actions),
            ])
        }
        body.append(.el("section", [.class("ck-card"), HTMLAttribute("aria-label", t("apiClients.list"))], [
            .el("h2", text: t("apiClients.list")),
            clients.isEmpty ? .el("p", text: t("apiClients.none")) : pages.table(
                [t("apiClients.name"), t("apiClients.clientID"), t("apiClients.user"), t("apiClients.scopes"), t("apiClients.createdAt"), t("apiClients.state"), ""], rows),
        ]))
        var fields: [HTMLNode] = []
        if let error = errors[""] { fields.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error)) }
        fields.append(pages.textField("name", label: t("apiClients.name"), error: errors["name"]))
        var userField: [HTMLNode] = [.el("label", [HTMLAttribute("for", "client-user")], text: t("apiClients.user"))]
        var select: [HTMLAttribute] = [HTMLAttribute("id", "client-user"), HTMLAttribute("name", "user")]
        if errors["user"] != nil { select += [HTMLAttribute("aria-invalid", "true"), HTMLAttribute("aria-describedby", "client-user-error")] }
        userField.append(.el("select", select, [.el("option", [HTMLAttribute("value", "")], text: t("apiClients.chooseUser"))] + users().map { user in
            var attributes = [HTMLAttribute("value", user.id.rawValue)]
            if values["user"] == user.id.rawValue { attributes.append(HTMLAttribute("selected", "selected")) }
            return .el("option", attributes, text: user.name + " (" + user.id.rawValue + ")")
        }))
        if let error = errors["user"] { userField.append(.el("p", [.class("ck-error"), HTMLAttribute("id", "client-user-error")], text: error)) }
        fields.append(.el("div", [.class("ck-field")], userField))
        var boxes: [HTMLNode] = [.el("legend", text: t("apiClients.scopes"))]
        for scope in APIScope.all.sorted() {
            let id = "client-scope-" + scope.name.replacingOccurrences(of: ":", with: "-")
            boxes.append(.el("div", [.class("ck-field ck-check")], [
                .el("input", [HTMLAttribute("type", "checkbox"), HTMLAttribute("id", id), HTMLAttribute("name", "scope." + scope.name), HTMLAttribute("value", "on")]),
                .el("label", [HTMLAttribute("for", id)], text: scope.name),
            ]))
        }
        if let error = errors["scopes"] { boxes.append(.el("p", [.class("ck-error")], text: error)) }
        fields.append(.el("fieldset", [.class("ck-fieldset ck-check-columns")], boxes))
        body.append(.el("section", [.class("ck-card"), HTMLAttribute("aria-label", t("apiClients.create"))], [
            .el("h2", text: t("apiClients.create")),
            pages.form("register", fields, submit: t("apiClients.submit"), label: t("apiClients.create"), path: Community.apiClientsPath(of: site)),
        ]))
        return pages.page(t("apiClients.title"), body, status: errors.isEmpty ? 200 : 422)
    }

    func action(_ form: [String: String]) -> SiteResponse {
        switch form["action"] {
        case "register":
            let name = form["name"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let scopes = Set(form.compactMap { key, value in key.hasPrefix("scope.") && value == "on" ? APIScope(parsing: String(key.dropFirst(6))) : nil })
            let user = form["user"].flatMap { try? ID<User>(parsing: $0) }.flatMap { id in users().first { $0.id == id }?.id }
            var errors: [String: String] = [:]
            if name.isEmpty || name.count > 100 { errors["name"] = t("apiClients.nameInvalid") }
            if user == nil { errors["user"] = t("apiClients.userInvalid") }
            if scopes.isEmpty { errors["scopes"] = t("apiClients.scopesMissing") }
            guard errors.isEmpty, let user else { return render(errors: errors, form: form) }
            do {
                return render(created: try community.registerAPIClient(name: name, user: user, scopes: scopes))
            } catch {
                return render(errors: ["": t("apiClients.failed")], form: form)
            }
        case "revoke":
            guard let id = form["client"].flatMap({ try? ID<APIClient>(parsing: $0) }), (try? community.apiClients())?.contains(where: { $0.id == id }) == true else {
                return render(errors: ["": t("apiClients.unknown")])
            }
            do {
                try community.revokeAPIClient(id)
                return render(notice: t("apiClients.revokedNotice"))
            } catch {
                return render(errors: ["": t("apiClients.unknown")])
            }
        default:
            return render(errors: ["": t("apiClients.unknown")])
        }
    }
}
