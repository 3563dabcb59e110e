public import CommunityModel

extension Site {
    /// The id of the site's guest user, derived from the site's id; `nil` when the site has no
    /// ``guestProfileID``. Guest sharing rules share with this user.
    public var guestUserID: ID<User>? {
        guard guestProfileID != nil else { return nil }
        return Site.guestUserID(forSite: id)
    }

    /// The guest user id a site with this id gets (`guest-` followed by the site id, made safe
    /// for the identifier alphabet).
    public static func guestUserID(forSite id: String) -> ID<User> {
        ID(sanitizing: "guest-" + id)
    }

    /// The site's guest user as it should be stored: kind guest, the guest profile, active,
    /// named after the site, with an address under the reserved `.invalid` domain (a guest never
    /// signs in or receives mail); `nil` without a guest profile.
    public var guestUser: User? {
        guard let profile = guestProfileID, let id = guestUserID else { return nil }
        return User(
            id: id, kind: .guest, name: "\(name) Site Guest User", nickname: "Guest", email: id.rawValue + "@site.invalid", locale: locales.first ?? "en_US",
            profileID: profile)
    }
}
