public import CommunityModel

/// A member's sign-ins to one site on one UTC day: what the sign-in KPIs (logins and active
/// members) count. It is kept in the store, one entity per member, site and day, so sign-ins
/// travel through the change feed like every other fact source: a restart from a KPI
/// checkpoint replays the ones after it, and a rebuild from scratch counts them all.
public struct SignInDay: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "SignInDay"

    /// The identifier, derived from member, site and day (``id(user:site:day:)``).
    public var id: ID<SignInDay>
    /// Who signed in.
    public var userID: ID<User>
    /// The site signed in to; `nil` for a sign-in outside any site.
    public var siteID: String?
    /// The UTC day number (``KPIDay``).
    public var day: Int32
    /// How many sign-ins that day (at least 1).
    public var count: Int

    /// The first sign-in of a member to a site on a day.
    public init(userID: ID<User>, siteID: String?, day: Int32, count: Int = 1) {
        self.id = Self.id(user: userID, site: siteID, day: day)
        self.userID = userID
        self.siteID = siteID
        self.day = day
        self.count = count
    }

    /// The id of a member's sign-ins to a site on a day.
    public static func id(user: ID<User>, site: String?, day: Int32) -> ID<SignInDay> {
        StableID.make(prefix: "sid", String(day), site ?? "", user.rawValue)
    }

    /// Checks a count of at least 1 and a site id of at most 64 characters.
    public func validate() throws {
        if let siteID { try Check.text(siteID, field: "SignInDay.siteID", max: 64) }
        guard count >= 1 else { throw ValidationError(field: "SignInDay.count", reason: .invalidValue("below 1")) }
    }
}
