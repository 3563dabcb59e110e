/// A member's public profile.
public struct MemberProfile: Sendable, Hashable {
    /// The member's id (the profile page parameter).
    public var id: String
    /// The public name (nickname).
    public var name: String
    /// Title or role text.
    public var title: String?
    /// The company, when the viewer may see it.
    public var company: String?
    /// Reputation points.
    public var points: Int?

    /// A profile.
    public init(id: String, name: String, title: String? = nil, company: String? = nil, points: Int? = nil) {
        self.id = id
        self.name = name
        self.title = title
        self.company = company
        self.points = points
    }
}
