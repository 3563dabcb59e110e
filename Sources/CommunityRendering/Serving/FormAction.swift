import Foundation
public import CommunityModel

/// A submitted form, handed to the action it posted to.
public struct ActionRequest: Sendable {
    /// Who submitted it (already CSRF-checked).
    public var viewer: Viewer
    /// The form fields (the CSRF token removed).
    public var form: [String: String]
    /// The site.
    public var site: Site
    /// Data services.
    public var services: RenderServices
    /// The engine's clock.
    public var clock: any WallClock
    /// Cookies the client sent, by name (sign-in and sign-out read the session cookie).
    public var cookies: [String: String]
    /// The client's network address as the host saw it, if known (for sign-in backoff).
    public var clientAddress: String?
    /// The locale the page that posted the form was shown in (one of the site's), for messages.
    public var locale: String
    /// The library's text, for translated messages (``text(_:)``).
    public var strings: UIStrings
    /// Files of a `multipart/form-data` post, by field name, already within the site's upload
    /// size and type limits.
    public var files: [String: UploadedFile]

    /// A request.
    public init(
        viewer: Viewer, form: [String: String], site: Site, services: RenderServices, clock: any WallClock,
        cookies: [String: String] = [:], clientAddress: String? = nil, files: [String: UploadedFile] = [:],
        locale: String? = nil, strings: UIStrings = .standard
    ) {
        self.files = files
        self.viewer = viewer
        self.form = form
        self.site = site
        self.services = services
        self.clock = clock
        self.cookies = cookies
        self.clientAddress = clientAddress
        self.locale = locale ?? site.locales.first ?? viewer.locale
        self.strings = strings
    }

    /// The library's text for `key` in the request's locale, for an error message.
    public func text(_ key: UIStringKey) -> String { strings.text(key, locale: locale) }

    /// The library's text for `key` with `{name}` placeholders filled.
    public func text(_ key: UIStringKey, _ values: [String: String]) -> String { strings.text(key, locale: locale, values) }

    /// An uploaded file by field name, or `nil` when none was sent.
    public func file(_ name: String) -> UploadedFile? { files[name] }

    /// A trimmed field value, or `nil` when missing or blank.
    public func field(_ name: String) -> String? {
        guard let value = form[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}

/// What an action answers.
public enum ActionResult: Sendable, Hashable {
    /// Done: send the browser to a local path (303 See Other).
    case redirect(SafeURL)
    /// Invalid input: show the form again with an error per field (422).
    case invalid([String: String])
    /// The viewer may not do this (403).
    case forbidden
    /// Done: send the browser to a local path (303 See Other) and set cookies (`Set-Cookie`
    /// values, such as a new session after sign-in or an expired one after sign-out).
    case redirectSettingCookies(SafeURL, [String])
    /// Done: show the form's page again (200) with these values for its component, for a result
    /// that must be shown once and never put in a URL (a new two-factor secret, recovery codes).
    case show([String: String])
    /// Done: show the form's page again (200) with these values, as ``show(_:)``, and set
    /// cookies (`Set-Cookie` values), for a sign-in that completes with something to show once.
    case showSettingCookies([String: String], [String])
}

/// The form actions a site accepts, by name (`askQuestion`, `submitCase`, `registerLead`, `vote`).
public struct FormActionRegistry: Sendable {
    /// Handles one submission.
    public typealias Handler = @Sendable (ActionRequest) throws -> ActionResult

    private var handlers: [String: Handler] = [:]

    /// No actions.
    public init() {}

    /// Registers an action; a later registration of the same name replaces the earlier one.
    public mutating func register(_ name: String, _ handler: @escaping Handler) {
        handlers[name] = handler
    }

    /// The handler for a name.
    public func handler(_ name: String) -> Handler? { handlers[name] }

    /// Every action name, sorted.
    public var names: [String] { handlers.keys.sorted() }
}
