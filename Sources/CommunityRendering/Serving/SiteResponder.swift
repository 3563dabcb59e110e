public import CommunityModel
import CommunityAccess
import Foundation

/// Serves one site: resolves paths, checks who may see what, renders pages with escaping by
/// construction and dispatches form actions. Immutable once built, so any number of
/// requests run at once without waiting.
///
/// ```swift
/// let response = responder.handle(SiteRequest(.get, "/partners/leads", viewer: viewer))
/// ```
public struct SiteResponder: Sendable {
    /// The site served.
    public let site: Site
    /// Data services handed to components and actions.
    public let services: RenderServices
    private let actions: FormActionRegistry
    private let csrf: CSRFProtection
    private let clock: any WallClock
    private let router: SiteRouter
    private let compiled: [String: CompiledLayout]
    private let stylesheet: String
    private let styleHash: String
    private let limits: SiteLimits
    let cookies: CookiePolicy
    /// The library's text, from the services (``UIStrings/standard`` when the host set none).
    let strings: UIStrings

    /// Compiles every page layout and variation of `site` against `registry`.
    ///
    /// - Throws: ``SiteError/invalidLayout(pageID:_:)`` listing every issue of the first bad page.
    public init(
        site: Site, registry: ComponentRegistry, services: RenderServices = RenderServices(),
        actions: FormActionRegistry = FormActionRegistry(), csrf: CSRFProtection, clock: any WallClock = SystemClock(),
        cookies: CookiePolicy = .secure
    ) throws(SiteError) {
        let limits = site.limits ?? .standard
        guard limits.problems.isEmpty else { throw .invalidLimits(limits.problems) }
        self.limits = limits
        self.cookies = cookies
        self.site = site
        self.services = services
        self.actions = actions
        self.csrf = csrf
        self.clock = clock
        self.router = SiteRouter(site: site)
        self.strings = services.get(UIStrings.self) ?? .standard
        var compiled: [String: CompiledLayout] = [:]
        for page in site.pages {
            do {
                compiled[page.id] = try CompiledLayout(page.layout, registry: registry)
                for (i, variation) in page.variations.enumerated() {
                    compiled[page.id + "#" + variation.audienceID + "#\(i)"] = try CompiledLayout(variation.layout, registry: registry)
                }
            } catch {
                throw .invalidLayout(pageID: page.id, error)
            }
        }
        self.compiled = compiled
        self.stylesheet = Stylesheet.css(for: site.theme) + Stylesheet.forms
        self.styleHash = SHA256.base64(SHA256.hash(Array(stylesheet.utf8)))
    }

    /// Answers a request.
    ///
    /// The request is first checked against the site's ``SiteLimits`` (413, 414 or 422 with the
    /// reason). A guest without a session of its own gets an anonymous one through a cookie when
    /// the page carries a form, so that form tokens bind to that browser; the cookie comes back
    /// in ``SiteResponse/setCookies``.
    public func handle(_ request: SiteRequest) -> SiteResponse {
        guard let relative = router.relativePath(request.path) else { return plain(404, "http.notFound", request) }
        guard request.method.isPageMethod else {
            var response = plain(405, "Method Not Allowed")
            response.headers["Allow"] = "GET, HEAD, POST"
            return response
        }
        do {
            try limits.check(request)
        } catch {
            reportLimitRejection(request, error)
            return plain(error.status, error.message(strings, locale: locale(for: request)))
        }
        var request = request
        if request.method == .post, MultipartParser.isMultipart(request.header("content-type")) {
            do {
                let parsed = try MultipartParser(limits: limits).parse(request.body, contentType: request.header("content-type") ?? "")
                for (name, value) in parsed.fields { request.form[name] = value }
                request.files = parsed.files
                try limits.check(request)
            } catch let error as MultipartError {
                reportMultipartRejection(request, error)
                return plain(error.status, error.message(strings, locale: locale(for: request)))
            } catch let error as RequestLimitError {
                reportLimitRejection(request, error)
                return plain(error.status, error.message(strings, locale: locale(for: request)))
            } catch {
                return plain(400, "http.badRequest", request)
            }
        }
        var freshGuestToken: String?
        // The anonymous guest, or the site's guest user (`Community.handle` evaluates guests as it).
        if request.viewer.isGuest, request.viewer.sessionID.isEmpty {
            if let value = request.cookies[cookies.name(GuestSession.cookieName)], GuestSession.isWellFormed(value) {
                request.viewer.sessionID = GuestSession.sessionPrefix + value
            } else if let fresh = GuestSession.newToken() {
                request.viewer.sessionID = GuestSession.sessionPrefix + fresh
                freshGuestToken = fresh
            } else {
                return plain(503, "http.unavailable", request)
            }
        }
        var response = route(request, relative: relative)
        if let freshGuestToken, response.body.contains("name=\"_csrf\"") {
            response.setCookies.append(cookies.setCookie(GuestSession.cookieName, value: freshGuestToken))
        }
        return response
    }

    private func route(_ request: SiteRequest, relative: String) -> SiteResponse {
        if site.status == .offline { return plain(503, strings.text("page.offline", locale: locale(for: request))) }
        // Branding (logo, favicon) is public even while a draft or preview site hides its pages,
        // so the sign-in page those sites still show looks like the site.
        if relative.hasPrefix("/" + Site.assetsSegment + "/") { return serveAsset(request, relative: relative) }
        let signingIn = isSignInRequest(request, relative: relative)
        if site.status == .draft, !signingIn, !(site.isMember(request.viewer) && request.viewer.user?.kind == .internal) {
            return plain(404, "http.notFound", request)
        }
        if site.status == .preview, !signingIn, !site.isMember(request.viewer) {
            return plain(401, strings.text("page.previewSignIn", locale: locale(for: request)))
        }
        switch relative {
        case "/robots.txt":
            return SiteResponse(status: 200, headers: SecurityHeaders.forText("text/plain; charset=utf-8"), body: SitemapBuilder(site: site).robots())
        case "/sitemap.xml":
            let extra = services.get((any SitemapSource).self)?.guestPaths(in: site) ?? []
            return SiteResponse(status: 200, headers: SecurityHeaders.forText("application/xml; charset=utf-8"),
                                body: SitemapBuilder(site: site).sitemap(extra: extra))
        default: break
        }
        if request.method != .post, let response = switchLocale(request, relative: relative) { return response }
        if request.method != .post, let response = searchClick(request, relative: relative) { return response }
        if request.method == .post { return handleAction(request, relative: relative) }
        if let fileID = SiteFileRoute.fileID(relative) { return serveFile(fileID, request: request) }
        var response = handleGet(request, form: nil)
        if request.method == .head { response.body = "" }
        return response
    }

    /// The actions people sign in, out and recover access with, which a draft or preview site
    /// still accepts from non-members (who could otherwise never become signed-in members).
    public static let signInActions: Set<String> = [
        SignInComponent.action, TwoFactorChallengeComponent.action, HeaderComponent.signOutAction, ForgotPasswordComponent.action,
        ResetPasswordComponent.action, VerifyEmailComponent.action,
    ]

    /// Whether a request reads a page open to ``Page/Visibility/everyone`` or posts a sign-in action.
    private func isSignInRequest(_ request: SiteRequest, relative: String) -> Bool {
        if request.method == .post {
            let parts = relative.split(separator: "/")
            return parts.count == 2 && parts[0] == "_action" && SiteResponder.signInActions.contains(String(parts[1]))
        }
        guard case .page(let id, _) = router.resolve(request.path), let page = site.page(id) else { return false }
        return page.visibility == .everyone
    }

    /// The page at `path` rendered for `request`'s viewer with `form` (values and errors for the
    /// form of `form.action`) and the given status, for an engine route that answers with a page
    /// of the site, such as a failed single sign-on shown on the sign-in page with 400.
    /// A guest without a session gets the anonymous one of its cookie (or a new one), as ``handle(_:)`` does,
    /// so the page's forms work.
    public func page(_ request: SiteRequest, path: String, form: FormState, status: Int) -> SiteResponse {
        var viewer = request.viewer
        var freshGuestToken: String?
        if viewer.isGuest, viewer.sessionID.isEmpty {
            if let value = request.cookies[cookies.name(GuestSession.cookieName)], GuestSession.isWellFormed(value) {
                viewer.sessionID = GuestSession.sessionPrefix + value
            } else if let fresh = GuestSession.newToken() {
                viewer.sessionID = GuestSession.sessionPrefix + fresh
                freshGuestToken = fresh
            }
        }
        var response = handleGet(SiteRequest(.get, path, viewer: viewer, cookies: request.cookies, headers: request.headers), form: form, status: status)
        if response.status == 200 { response.status = status }
        response.headers["Cache-Control"] = "no-store"
        if let freshGuestToken { response.setCookies.append(cookies.setCookie(GuestSession.cookieName, value: freshGuestToken)) }
        return response
    }

    // MARK: GET

    private func handleGet(_ request: SiteRequest, form: FormState?, status: Int? = nil) -> SiteResponse {
        switch router.resolve(request.path) {
        case .redirect(let target):
            return SiteResponse(status: 301, headers: ["Location": target, "Cache-Control": "max-age=86400"])
        case .notFound:
            return special(site.notFoundPageID, status: 404, request: request, fallbackKey: "page.notFound")
        case .page(let id, let parameters):
            guard let page = site.page(id) else { return special(site.notFoundPageID, status: 404, request: request, fallbackKey: "page.notFound") }
            let record = visibleRecord(of: page, parameters: parameters, viewer: request.viewer)
            guard site.mayView(page, viewer: request.viewer, visibleRecord: record) else {
                if request.viewer.isGuest, let signIn = signInRedirect(returningTo: request.path) { return signIn }
                return special(site.forbiddenPageID, status: 403, request: request, fallbackKey: "page.forbidden")
            }
            return render(page, parameters: parameters, request: request, status: status ?? (form == nil ? 200 : 422), form: form)
        }
    }

    /// A 303 to the site's sign-in page carrying the path asked for in `return`; `nil` when the
    /// site has no sign-in page.
    private func signInRedirect(returningTo path: String) -> SiteResponse? {
        guard let login = site.signInURL(returningTo: path) else { return nil }
        return SiteResponse(status: 303, headers: ["Location": login.string, "Cache-Control": "no-store"])
    }

    private func special(_ pageID: String?, status: Int, request: SiteRequest, fallbackKey: UIStringKey) -> SiteResponse {
        if let pageID, let page = site.page(pageID), site.mayView(page, viewer: request.viewer) || status == 403 {
            var response = render(page, parameters: [:], request: request, status: status, form: nil)
            response.status = status
            return response
        }
        let locale = locale(for: request)
        var out = "<!DOCTYPE html><html lang=\""
        HTMLEscaping.append(locale.replacingOccurrences(of: "_", with: "-"), to: &out)
        out += "\"><head><meta charset=\"utf-8\"><title>"
        let text = strings.text(fallbackKey, locale: locale)
        HTMLEscaping.append(text, to: &out)
        out += "</title></head><body><main id=\"main\"><h1>"
        HTMLEscaping.append(text, to: &out)
        out += "</h1></main></body></html>"
        return SiteResponse(status: status, headers: SecurityHeaders.forPage(styleHash: styleHash), body: out)
    }

    /// Renders a page for a viewer (used by `handle` and by static export).
    public func render(
        _ page: Page, parameters: [String: String], request: SiteRequest, status: Int = 200, form: FormState? = nil
    ) -> SiteResponse {
        let viewer = request.viewer
        let locale = locale(for: request)
        let head = PageHead()
        var context = RenderContext(
            viewer: viewer, site: site, page: page, parameters: parameters, query: request.query, locale: locale,
            services: services, csrfToken: csrf.token(for: viewer, site: site.id, at: clock.now()), form: form,
            head: head, clock: clock, strings: strings)
        context.record = visibleRecord(of: page, parameters: parameters, viewer: viewer)
        var key = page.id
        if let index = chosenVariationIndex(page, viewer: viewer, record: context.record) {
            key = page.id + "#" + page.variations[index].audienceID + "#\(index)"
        }
        guard let layout = compiled[key] else { return plain(500, strings.text("http.internalError", locale: context.locale)) }
        var body = ""
        body.reserveCapacity(8192)
        renderBody(layout, context: context, into: &body)
        let state = head.snapshot
        var out = ""
        out.reserveCapacity(body.utf8.count + stylesheet.utf8.count + 1024)
        out += "<!DOCTYPE html><html lang=\""
        HTMLEscaping.append(locale.replacingOccurrences(of: "_", with: "-"), to: &out)
        out += "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        let title = state.title ?? context.localized(page.seo.title ?? page.title)
        let fullTitle = title + " | " + site.name
        HTMLNode.el("title", text: fullTitle).render(into: &out)
        let description = state.description ?? page.seo.description.map(context.localized)
        if let description {
            HTMLNode.el("meta", [HTMLAttribute("name", "description"), HTMLAttribute("content", description)]).render(into: &out)
        }
        let canonical = site.baseURL + context.currentPath
        if let url = SafeURL(canonical) {
            HTMLNode.el("link", [HTMLAttribute("rel", "canonical"), HTMLAttribute("href", url: url)]).render(into: &out)
        }
        if page.seo.noIndex || status != 200 {
            out += "<meta name=\"robots\" content=\"noindex\">"
        }
        for (property, value) in [
            ("og:title", title), ("og:type", state.openGraphType ?? "website"), ("og:url", canonical), ("og:site_name", site.name),
        ] + (description.map { [("og:description", $0)] } ?? []) {
            out += "<meta property=\""
            HTMLEscaping.append(property, to: &out)
            out += "\" content=\""
            HTMLEscaping.append(value, to: &out)
            out += "\">"
        }
        if let favicon = site.theme.favicon {
            HTMLNode.el("link", [HTMLAttribute("rel", "icon"), HTMLAttribute("href", url: favicon)]).render(into: &out)
        }
        out += "<style>"
        out += stylesheet
        out += "</style>"
        for data in state.structuredData { StructuredData.script(data).render(into: &out) }
        out += "</head><body>"
        out += body
        out += "</body></html>"
        return SiteResponse(status: state.status ?? status, headers: SecurityHeaders.forPage(styleHash: styleHash), body: out)
    }

    /// Renders `main` inside the site's own frame, for pages the host serves beside the site's
    /// pages (the API token pages): the skip link, the header and footer regions of the home page
    /// as the viewer would see them (navigation, account menu, language links), the theme's
    /// stylesheet, and `main` as the page's `main` element. Returns `nil` when the site has no
    /// home page to borrow the frame from. The page is never indexed.
    public func renderFramed(title: String, main: [HTMLNode], path: String, request: SiteRequest, status: Int = 200) -> SiteResponse? {
        guard let homeID = site.homePageID, let home = site.page(homeID) else { return nil }
        let viewer = request.viewer
        let locale = locale(for: request)
        let framed = Page(id: home.id, title: title, slug: home.slug, visibility: home.visibility, layout: home.layout, variations: home.variations)
        var context = RenderContext(
            viewer: viewer, site: site, page: framed, query: request.query, locale: locale, services: services,
            csrfToken: csrf.token(for: viewer, site: site.id, at: clock.now()), head: PageHead(), clock: clock, strings: strings)
        context.framedPath = path
        var key = home.id
        if let index = chosenVariationIndex(home, viewer: viewer, record: nil) { key = home.id + "#" + home.variations[index].audienceID + "#\(index)" }
        guard let layout = compiled[key] else { return nil }
        var out = "<!DOCTYPE html><html lang=\""
        HTMLEscaping.append(locale.replacingOccurrences(of: "_", with: "-"), to: &out)
        out += "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        HTMLNode.el("title", text: title + " | " + site.name).render(into: &out)
        out += "<meta name=\"robots\" content=\"noindex\">"
        if let favicon = site.theme.favicon {
            HTMLNode.el("link", [HTMLAttribute("rel", "icon"), HTMLAttribute("href", url: favicon)]).render(into: &out)
        }
        out += "<style>" + stylesheet + "</style></head><body>"
        out += "<a class=\"ck-skip\" href=\"#main\">"
        HTMLEscaping.append(context.text("page.skipToContent"), to: &out)
        out += "</a>"
        let header = layout.regions.filter { $0.name == "header" }
        if !header.isEmpty {
            out += "<header class=\"ck-region-header\">"
            for region in header { renderRegion(region, context: context, into: &out) }
            out += "</header>"
        }
        HTMLNode.el("main", [HTMLAttribute("id", "main"), .class("ck-region-main ck-framed")], main).render(into: &out)
        let footer = layout.regions.filter { $0.name == "footer" }
        if !footer.isEmpty {
            out += "<footer class=\"ck-region-footer\">"
            for region in footer { renderRegion(region, context: context, into: &out) }
            out += "</footer>"
        }
        out += "</body></html>"
        return SiteResponse(status: status, headers: SecurityHeaders.forPage(styleHash: styleHash), body: out)
    }

    /// The record a record page shows, as the viewer may read it (``RecordReader``); `nil` for other
    /// pages, the guest, and records the viewer may not read.
    private func visibleRecord(of page: Page, parameters: [String: String], viewer: Viewer) -> RedactedRecord? {
        guard let object = page.objectType, let name = page.parameter, let id = parameters[name],
              let reader = services.get(RecordReader.self) else { return nil }
        return reader.record(of: EntityType(object), id: id, viewer: viewer)
    }

    private func chosenVariationIndex(_ page: Page, viewer: Viewer, record: RedactedRecord?) -> Int? {
        var best: (Int, Int)?
        for (i, variation) in page.variations.enumerated() {
            guard let audience = site.audience(variation.audienceID), audience.includes(viewer, visibleRecord: record) else { continue }
            let count = audience.criteria.criteriaCount
            if let current = best, current.1 >= count { continue }
            best = (i, count)
        }
        return best?.0
    }

    private func renderBody(_ layout: CompiledLayout, context: RenderContext, into out: inout String) {
        out += "<a class=\"ck-skip\" href=\"#main\">"
        HTMLEscaping.append(context.text("page.skipToContent"), to: &out)
        out += "</a>"
        let header = layout.regions.filter { $0.name == "header" }
        let footer = layout.regions.filter { $0.name == "footer" }
        let sidebar = layout.regions.filter { $0.name == "sidebar" }
        let main = layout.regions.filter { !["header", "footer", "sidebar"].contains($0.name) }
        if !header.isEmpty {
            out += "<header class=\"ck-region-header\">"
            for region in header { renderRegion(region, context: context, into: &out) }
            out += "</header>"
        }
        out += "<main id=\"main\" class=\"ck-region-main\">"
        for region in main { renderRegion(region, context: context, into: &out) }
        out += "</main>"
        if !sidebar.isEmpty {
            out += "<aside class=\"ck-region-sidebar\" aria-label=\""
            HTMLEscaping.append(context.text("page.sidebar"), to: &out)
            out += "\">"
            for region in sidebar { renderRegion(region, context: context, into: &out) }
            out += "</aside>"
        }
        if !footer.isEmpty {
            out += "<footer class=\"ck-region-footer\">"
            for region in footer { renderRegion(region, context: context, into: &out) }
            out += "</footer>"
        }
    }

    private func renderRegion(_ region: CompiledLayout.CompiledRegion, context: RenderContext, into out: inout String) {
        for row in region.rows {
            out += "<div class=\"ck-row\">"
            for column in row {
                out += "<div class=\""
                out += column.classes
                out += "\">"
                for component in column.components {
                    if let audience = component.audienceID, !context.viewerIsIn(audience: audience) { continue }
                    out += "<div class=\"ck-component\" data-component=\""
                    HTMLEscaping.append(component.type.rawValue, to: &out)
                    out += "\" id=\"c-"
                    HTMLEscaping.append(component.id, to: &out)
                    out += "\">"
                    do {
                        try component.render(context).render(into: &out)
                    } catch {
                        out += "<p class=\"ck-error\" role=\"alert\">"
                        HTMLEscaping.append(context.text("common.unavailable"), to: &out)
                        out += "</p>"
                    }
                    out += "</div>"
                }
                out += "</div>"
            }
            out += "</div>"
        }
    }

    // MARK: POST

    private func handleAction(_ request: SiteRequest, relative: String) -> SiteResponse {
        let parts = relative.split(separator: "/")
        guard parts.count == 2, parts[0] == "_action" else { return plain(405, "http.methodNotAllowed", request) }
        let name = String(parts[1])
        guard isSameOrigin(request) else {
            reportCSRFRejection(request, action: name, crossOrigin: true)
            return plain(403, strings.text("form.crossOrigin", locale: locale(for: request)))
        }
        guard csrf.verify(request.form["_csrf"], for: request.viewer, site: site.id, at: clock.now()) else {
            reportCSRFRejection(request, action: name)
            return plain(403, strings.text("form.expired", locale: locale(for: request)))
        }
        guard let handler = actions.handler(name) else { return plain(404, "http.notFound", request) }
        var form = request.form
        form.removeValue(forKey: "_csrf")
        let returnPath = form.removeValue(forKey: "_return").flatMap(SafeURL.init).flatMap { $0.isLocalPath ? $0 : nil }
        for file in request.files.values.sorted(by: { $0.field < $1.field }) {
            do {
                try limits.checkUpload(file)
            } catch {
                reportInvalidForm(action: name, errors: [error.field: error.description])
                let state = FormState(action: name, values: form, errors: [file.field: error.message(strings, locale: locale(for: request))])
                let path = returnPath?.string ?? (site.urlPrefix + "/")
                var response = handleGet(SiteRequest(.get, path, viewer: request.viewer), form: state, status: error.status)
                if response.status == 200 { response.status = error.status }
                return response
            }
        }
        let result: ActionResult
        let locale = locale(for: request)
        do {
            result = try handler(ActionRequest(
                viewer: request.viewer, form: form, site: site, services: services, clock: clock, cookies: request.cookies,
                clientAddress: request.clientAddress, files: request.files, locale: locale, strings: strings))
        } catch {
            // The detail goes to the log; the person sees a translated sentence that quotes nothing.
            reportActionFailure(action: name, error)
            result = .invalid(["": strings.text("form.unexpectedError", locale: locale)])
        }
        switch result {
        case .redirect(let url):
            let target = url.isLocalPath ? url.string : site.urlPrefix + "/"
            return SiteResponse(status: 303, headers: ["Location": target])
        case .redirectSettingCookies(let url, let cookies):
            let target = url.isLocalPath ? url.string : site.urlPrefix + "/"
            return SiteResponse(status: 303, headers: ["Location": target, "Cache-Control": "no-store"], setCookies: cookies)
        case .show(let values):
            let path = returnPath?.string ?? (site.urlPrefix + "/")
            var response = handleGet(SiteRequest(.get, path, viewer: request.viewer, cookies: request.cookies, headers: request.headers), form: FormState(action: name, values: values, errors: [:]), status: 200)
            response.headers["Cache-Control"] = "no-store"
            return response
        case .showSettingCookies(let values, let cookies):
            let path = returnPath?.string ?? (site.urlPrefix + "/")
            var response = handleGet(SiteRequest(.get, path, viewer: request.viewer, cookies: request.cookies, headers: request.headers), form: FormState(action: name, values: values, errors: [:]), status: 200)
            response.headers["Cache-Control"] = "no-store"
            response.setCookies += cookies
            return response
        case .forbidden:
            return special(site.forbiddenPageID, status: 403, request: SiteRequest(.get, request.path, viewer: request.viewer, cookies: request.cookies, headers: request.headers), fallbackKey: "page.forbidden")
        case .invalid(let errors):
            reportInvalidForm(action: name, errors: errors)
            let state = FormState(action: name, values: form, errors: errors)
            let path = returnPath?.string ?? (site.urlPrefix + "/")
            var response = handleGet(SiteRequest(.get, path, viewer: request.viewer, cookies: request.cookies, headers: request.headers), form: state)
            if response.status == 200 { response.status = 422 }
            return response
        }
    }

    /// Whether a form post came from this site: a browser's `Sec-Fetch-Site` must not say
    /// `cross-site`, and an `Origin` header, when sent, must name the site's base URL or the host
    /// the request was sent to.
    private func isSameOrigin(_ request: SiteRequest) -> Bool {
        if request.header("sec-fetch-site") == "cross-site" { return false }
        guard let origin = request.header("origin") else { return true }
        let normalized = origin.lowercased()
        if let base = SiteResponder.origin(of: site.baseURL), normalized == base { return true }
        if let host = request.header("host")?.lowercased(), !host.isEmpty,
           normalized == "https://" + host || normalized == "http://" + host {
            return true
        }
        return false
    }

    /// The `scheme://host[:port]` of an absolute URL, lower-cased.
    static func origin(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty else { return nil }
        return (url[..<schemeEnd.lowerBound] + "://" + authority).lowercased()
    }

    /// A file through ``SiteFileProvider``: only when the viewer may download it (404 otherwise,
    /// so a file's existence is not revealed), with its stored type, `nosniff`, a sandboxing
    /// CSP, and `inline` only for images whose bytes match their type.
    private func serveFile(_ id: String, request: SiteRequest) -> SiteResponse {
        guard let provider = services.get((any SiteFileProvider).self) else { return plain(404, "http.notFound", request) }
        let file: SiteFile?
        do { file = try provider.file(id: id, viewer: request.viewer) } catch { return plain(404, "http.notFound", request) }
        guard let file else {
            if request.viewer.isGuest, let signIn = signInRedirect(returningTo: request.path) { return signIn }
            return plain(404, "http.notFound", request)
        }
        var response = SiteResponse(status: 200, headers: SiteFileRoute.headers(for: file), bodyBytes: file.bytes)
        if request.method == .head { response.bodyBytes = [] }
        return response
    }

    private func plain(_ status: Int, _ text: String) -> SiteResponse {
        SiteResponse(status: status, headers: SecurityHeaders.forText("text/plain; charset=utf-8"), body: text)
    }

    /// A plain-text answer in the request's language (`http.notFound`…).
    func plain(_ status: Int, _ key: UIStringKey, _ request: SiteRequest) -> SiteResponse {
        plain(status, strings.text(key, locale: locale(for: request)))
    }
}
