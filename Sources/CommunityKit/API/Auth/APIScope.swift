/// What a bearer token may do: read or write in one area of the API (`records:read`,
/// `cases:write`). A session cookie carries every scope; it is limited by the viewer's access alone.
public struct APIScope: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// A part of the API that scopes are granted for.
    public enum Area: String, Sendable, Hashable, Codable, CaseIterable {
        /// The viewer's own profile (`/me`).
        case profile
        /// Records of any object (`/records`), leads, opportunities.
        case records
        /// Support cases, their comments and attachments.
        case cases
        /// Knowledge articles: search, reading, feedback and votes.
        case knowledge
        /// Questions, answers, ideas, votes, feeds and posts.
        case community
        /// The viewer's notifications.
        case notifications
        /// Topics.
        case topics
        /// Administration: access explanations, webhooks.
        case admin
    }

    /// Reading or writing.
    public enum Access: String, Sendable, Hashable, Codable, CaseIterable {
        /// GET.
        case read
        /// POST, PUT, PATCH, DELETE (also allows reading).
        case write
    }

    /// The area.
    public var area: Area
    /// The access.
    public var access: Access

    /// A scope.
    public init(_ area: Area, _ access: Access) {
        self.area = area
        self.access = access
    }

    /// Parses `area:read` or `area:write`; `nil` for anything else.
    public init?(parsing text: String) {
        guard let scope = Self.byName[text] else { return nil }
        self = scope
    }

    /// Every scope by its `area:access` name: parsing is one lookup (a token's scopes are
    /// parsed on every request it authenticates).
    private static let byName: [String: APIScope] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// `area:access`.
    public var name: String { area.rawValue + ":" + access.rawValue }
    public var description: String { name }

    /// Whether a set of granted scopes allows this one (`write` includes `read`).
    public func isGranted(by granted: Set<APIScope>) -> Bool {
        granted.contains(self) || (access == .read && granted.contains(APIScope(area, .write)))
    }

    /// Every scope.
    public static let all: Set<APIScope> = Set(Area.allCases.flatMap { area in Access.allCases.map { APIScope(area, $0) } })
    /// Every read scope.
    public static let readOnly: Set<APIScope> = Set(Area.allCases.map { APIScope($0, .read) })

    public static func < (lhs: APIScope, rhs: APIScope) -> Bool { lhs.name < rhs.name }

    /// Parses a space- or comma-separated list (`records:read cases:write`).
    ///
    /// - Throws: ``APIProblem/invalidRequest(_:fields:)`` naming each unknown scope.
    public static func parseList(_ text: String, field: String) throws(APIProblem) -> Set<APIScope> {
        var scopes = Set<APIScope>()
        var unknown: [String] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            if let scope = APIScope(parsing: String(word)) { scopes.insert(scope) } else { unknown.append(String(word.prefix(40))) }
        }
        guard unknown.isEmpty else {
            throw .invalidRequest("Unknown scope \(unknown.joined(separator: ", ")).", fields: [.init(field, "unknown scope \(unknown.joined(separator: ", "))")])
        }
        return scopes
    }
}
