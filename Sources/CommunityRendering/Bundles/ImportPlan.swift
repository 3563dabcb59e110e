import CommunityModel

/// What importing a bundle would do: the checked site and the list of changes. A dry run
/// stops here; applying installs ``site``.
public struct ImportPlan: Sendable {
    /// One change.
    public enum Change: Sendable, Hashable, CustomStringConvertible {
        /// The site does not exist yet.
        case createSite(String)
        /// A setting changes.
        case setting(String, from: String, to: String)
        /// The theme changes (names of the changed fields).
        case theme([String])
        /// A page is added at a path.
        case pageAdded(id: String, path: String)
        /// A page is removed.
        case pageRemoved(id: String, path: String)
        /// A page moves (its old URL will redirect).
        case pageMoved(id: String, from: String, to: String)
        /// A page's layout changes.
        case layoutChanged(pageID: String, [LayoutDiff.Change])
        /// A page's other fields change (title, visibility, variations, SEO).
        case pageChanged(id: String, fields: [String])
        /// A menu is added, removed or changed.
        case menu(id: String, String)
        /// An audience is added, removed or changed.
        case audience(id: String, String)

        public var description: String {
            switch self {
            case .createSite(let id): "create site \(id)"
            case .setting(let n, let f, let t): "setting \(n): \(f) → \(t)"
            case .theme(let fields): "theme: \(fields.joined(separator: ", "))"
            case .pageAdded(let id, let p): "+ page \(id) at \(p)"
            case .pageRemoved(let id, let p): "- page \(id) at \(p)"
            case .pageMoved(let id, let f, let t): "~ page \(id) moved \(f) → \(t)"
            case .layoutChanged(let id, let changes): "~ page \(id) layout: " + changes.map(\.description).joined(separator: "; ")
            case .pageChanged(let id, let fields): "~ page \(id): \(fields.joined(separator: ", "))"
            case .menu(let id, let what): "menu \(id) \(what)"
            case .audience(let id, let what): "audience \(id) \(what)"
            }
        }
    }

    /// The site as it will be installed.
    public let site: Site
    /// The changes relative to the existing site, empty when identical.
    public let changes: [Change]

    static func changes(from old: Site?, to new: Site) -> [Change] {
        guard let old else { return [.createSite(new.id)] + new.pages.map { .pageAdded(id: $0.id, path: new.path(of: $0.id) ?? "") } }
        var changes: [Change] = []
        let settings: [(String, String, String)] = [
            ("name", old.name, new.name), ("urlPrefix", old.urlPrefix, new.urlPrefix), ("baseURL", old.baseURL, new.baseURL),
            ("status", old.status.rawValue, new.status.rawValue), ("guestAccess", "\(old.guestAccess)", "\(new.guestAccess)"),
            ("selfRegistration", old.selfRegistration.rawValue, new.selfRegistration.rawValue),
            ("locales", old.locales.joined(separator: ","), new.locales.joined(separator: ",")),
            ("memberProfiles", old.memberProfileIDs.map(\.rawValue).joined(separator: ","), new.memberProfileIDs.map(\.rawValue).joined(separator: ",")),
            ("homePage", old.homePageID ?? "", new.homePageID ?? ""), ("notFoundPage", old.notFoundPageID ?? "", new.notFoundPageID ?? ""),
            ("forbiddenPage", old.forbiddenPageID ?? "", new.forbiddenPageID ?? ""),
        ]
        for (name, a, b) in settings where a != b { changes.append(.setting(name, from: a, to: b)) }
        if old.theme != new.theme {
            let a = (try? JSONValue.encoding(old.theme))?.objectValue ?? [:]
            let b = (try? JSONValue.encoding(new.theme))?.objectValue ?? [:]
            changes.append(.theme(Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()))
        }
        for audience in new.audiences {
            if let previous = old.audience(audience.id) {
                if previous != audience { changes.append(.audience(id: audience.id, "changed")) }
            } else {
                changes.append(.audience(id: audience.id, "added"))
            }
        }
        for audience in old.audiences where new.audience(audience.id) == nil { changes.append(.audience(id: audience.id, "removed")) }
        for menu in new.menus {
            if let previous = old.menus.first(where: { $0.id == menu.id }) {
                if previous != menu { changes.append(.menu(id: menu.id, "changed")) }
            } else {
                changes.append(.menu(id: menu.id, "added"))
            }
        }
        for menu in old.menus where !new.menus.contains(where: { $0.id == menu.id }) { changes.append(.menu(id: menu.id, "removed")) }
        for page in new.pages {
            let path = new.path(of: page.id) ?? ""
            guard let previous = old.page(page.id) else {
                changes.append(.pageAdded(id: page.id, path: path))
                continue
            }
            let oldPath = old.path(of: page.id) ?? ""
            if oldPath != path { changes.append(.pageMoved(id: page.id, from: oldPath, to: path)) }
            let diff = LayoutDiff(from: previous.layout, to: page.layout)
            if !diff.isEmpty { changes.append(.layoutChanged(pageID: page.id, diff.changes)) }
            var fields: [String] = []
            if previous.title != page.title { fields.append("title") }
            if previous.visibility != page.visibility { fields.append("visibility") }
            if previous.variations != page.variations { fields.append("variations") }
            if previous.seo != page.seo { fields.append("seo") }
            if previous.parameter != page.parameter || previous.objectType != page.objectType { fields.append("object") }
            if !fields.isEmpty { changes.append(.pageChanged(id: page.id, fields: fields)) }
        }
        for page in old.pages where new.page(page.id) == nil {
            changes.append(.pageRemoved(id: page.id, path: old.path(of: page.id) ?? ""))
        }
        return changes
    }
}
