public import CommunityModel
public import CommunityRendering
import Foundation

extension Community {
    /// The permission that lets a member ask, on a record page, why another member of the site can
    /// or cannot see the record (`community.accessExplanation`). Grant it through a permission set
    /// to administrators; the facade's ``explain(user:object:id:)`` needs no permission.
    public static let explainAccessPermission = SystemPermission("explainAccess")

    /// Whether `viewer` may approve or reject self-registrations on the site
    /// (`community.registrationQueue`): holders of `moderateUsers` or `manageCommunity`.
    public static func mayReviewRegistrations(_ viewer: Viewer) -> Bool {
        !viewer.isGuest && (viewer.permissions.contains(SystemPermission.moderateUsers.name)
            || viewer.permissions.contains(SystemPermission.manageCommunity.name))
    }

    /// A site's self-registrations waiting for review, oldest first.
    public func pendingRegistrations(site id: String) throws -> [SiteRegistration] {
        try Community.pendingRegistrations(site: id, in: store.snapshot())
    }

    /// Turns down a pending self-registration: it is kept as `rejected` and no user is created.
    ///
    /// - Throws: ``CommunityError/unknownRegistration(_:)`` when there is no pending registration
    ///   with this id (nothing is written).
    public func rejectRegistration(_ id: ID<SiteRegistration>) throws {
        try Community.rejectRegistration(id, site: nil, in: store)
    }

    /// Rejects a pending registration (of `site`, when given) in one transaction.
    static func rejectRegistration(_ id: ID<SiteRegistration>, site: String?, in store: any Store) throws {
        try store.write { tx in
            guard var registration = try tx.value(id), registration.status == .pending,
                  site == nil || registration.siteID == site else {
                throw CommunityError.unknownRegistration(id.rawValue)
            }
            registration.status = .rejected
            try tx.put(registration)
        }
    }

    /// Approves a pending registration of `site` in one transaction: the member's user gets the
    /// site's self-registration profile and account, the site as theirs, and `now` as their join date.
    static func approveRegistration(_ id: ID<SiteRegistration>, on site: Site, in store: any Store, now: Date) throws -> ID<User> {
        try store.write { tx in
            guard var registration = try tx.value(id), registration.status == .pending, registration.siteID == site.id else {
                throw CommunityError.unknownRegistration(id.rawValue)
            }
            guard let profile = site.selfRegistrationProfileID, let account = site.selfRegistrationAccountID else {
                throw CommunityError.unknownSite(registration.siteID)
            }
            let user = try SelfRegistration.createUser(for: registration, profile: profile, account: account, at: now, in: tx)
            registration.status = .approved
            registration.userID = user
            try tx.put(registration)
            return user
        }
    }

    static func pendingRegistrations(site id: String, in reader: any StoreReader) throws -> [SiteRegistration] {
        try reader.query(Query<SiteRegistration>().where("status", equals: .picklist("pending"))).map(\.value)
            .filter { $0.siteID == id }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }
}
