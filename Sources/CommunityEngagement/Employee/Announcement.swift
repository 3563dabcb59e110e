public import CommunityModel
public import Foundation

/// A notice for employees, targeted by department and/or role (empty targets mean everyone).
public struct Announcement: Entity, Hashable {
    public static let entityType: EntityType = "Announcement"
    public static var indexedFields: [IndexedField<Announcement>] {
        [IndexedField("publishedAt") { .dateTime($0.publishedAt) }]
    }

    public var id: ID<Announcement>
    /// Plain-text title.
    public var title: String
    /// Plain-text body (rendering escapes it).
    public var body: String
    /// Who wrote it.
    public var authorID: ID<User>
    /// Departments it is for; empty means every department.
    public var departments: Set<String>
    /// Roles it is for (holders of the role, not its subordinates); empty means every role.
    public var roles: Set<ID<Role>>
    /// When it becomes visible.
    public var publishedAt: Date
    /// When it stops being visible.
    public var expiresAt: Date?

    /// Creates an announcement.
    public init(
        id: ID<Announcement>, title: String, body: String, authorID: ID<User>, departments: Set<String> = [],
        roles: Set<ID<Role>> = [], publishedAt: Date, expiresAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.authorID = authorID
        self.departments = departments
        self.roles = roles
        self.publishedAt = publishedAt
        self.expiresAt = expiresAt
    }

    /// Whether the announcement is meant for `user` at `date`: active internal users whose
    /// department and role match every non-empty target.
    public func isTargeted(at user: User, on date: Date) -> Bool {
        guard user.kind == .internal, user.isActive, publishedAt <= date else { return false }
        if let expiresAt, date >= expiresAt { return false }
        if !departments.isEmpty, !(user.department.map(departments.contains) ?? false) { return false }
        if !roles.isEmpty, !(user.roleID.map(roles.contains) ?? false) { return false }
        return true
    }
}
