import CommunityModel
import CommunityEngagement
import CommunityRendering
import Foundation

/// Self-registration: a guest signs up on a site that allows it. `.instant` creates a
/// high-volume customer user in the site's default account with the site's profile at once;
/// `.pending` stores a ``SiteRegistration`` that ``Community/approveRegistration(_:)`` turns into a user.
/// The name is screened by the moderation rules for member names first: a mask rule masks it, a
/// block or freeze rule refuses it in the form.
enum SelfRegistration {
    static func register(_ request: ActionRequest, store: any Store, moderation: Moderation) throws -> ActionResult {
        let site = request.site
        guard request.viewer.isGuest, site.selfRegistration != .disabled else { return .forbidden }
        var errors: [String: String] = [:]
        let name = request.field("name") ?? ""
        let email = (request.field("email") ?? "").lowercased()
        do { try Check.text(name, field: "name", max: 121) } catch { errors["name"] = request.text("register.nameInvalid") }
        do { try Check.email(email, field: "email") } catch { errors["email"] = request.text("register.emailInvalid") }
        guard errors.isEmpty else { return .invalid(errors) }
        let screened: String
        do {
            screened = try moderation.screenMemberName(name, memberKind: .customer)
        } catch EngagementError.blocked {
            return .invalid(["name": request.text("register.nameBlocked")])
        }
        guard let profile = site.selfRegistrationProfileID, let account = site.selfRegistrationAccountID else {
            return .invalid(["": request.text("register.notSetUp")])
        }
        let now = request.clock.now()
        let outcome = try store.write { tx -> ActionResult in
            let taken = try !tx.query(Query<User>().where("email", equals: .text(email))).isEmpty
                || !tx.query(Query<SiteRegistration>().where("email", equals: .text(email))).isEmpty
            if taken { return .invalid(["email": request.text("register.emailTaken")]) }
            var registration = SiteRegistration(
                id: .generate(prefix: "reg"), siteID: site.id, name: screened, email: email, locale: request.viewer.user?.locale ?? request.locale,
                status: .pending, createdAt: now)
            if site.selfRegistration == .instant {
                registration.userID = try createUser(for: registration, profile: profile, account: account, at: now, in: tx)
                registration.status = .approved
            }
            try tx.put(registration, expecting: .absent)
            return .redirect(SafeURL.path([], prefix: site.urlPrefix))
        }
        return outcome
    }

    /// The member a registration becomes: a high-volume customer user of the site they registered
    /// on (their `siteID`, so adoption KPIs count them there), joined at `now`.
    static func createUser(for registration: SiteRegistration, profile: ID<Profile>, account: ID<Account>, at now: Date,
                           in tx: any StoreTransaction) throws -> ID<User> {
        let user = User(
            id: .generate(prefix: "usr"), kind: .customer, name: registration.name, email: registration.email,
            locale: registration.locale, profileID: profile, accountID: account, isHighVolume: true,
            siteID: registration.siteID, joinedAt: now)
        try user.validate()
        try tx.put(user, expecting: .absent)
        return user.id
    }
}
