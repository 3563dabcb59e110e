public import CommunityModel
public import CommunityRendering
import Foundation

extension Community {
    /// The labels, layouts and default currency components show records with (the
    /// configuration's, or what a plugin registered in its place).
    public var recordPresentation: RecordPresentation {
        services.get(RecordPresentation.self) ?? .standard
    }


    /// A presenter for a viewer in a locale (the viewer's own when `nil`): labels, picklist labels,
    /// formatted values and lookup names, as the record components use them.
    public func recordPresenter(for viewer: Viewer, locale: String? = nil) -> RecordPresenter {
        RecordPresenter(
            presentation: recordPresentation, locale: locale ?? viewer.locale, viewer: viewer,
            reader: services.get(RecordReader.self), now: clock.now(), sites: services.get(SiteNameDirectory.self))
    }

    /// The page layout a user's profile sees for an object, with the fields their field-level
    /// security hides removed, and the fields they may edit through it; `nil` for an unknown user.
    public func recordLayout(for object: EntityType, user: ID<User>) -> ResolvedRecordLayout? {
        let snapshot = access.snapshot
        guard let profile = snapshot.user(user)?.profileID else { return nil }
        let schema = recordPresentation.schemas.schema(for: object)
        let fallback = (schema?.standardFields.map(\.name) ?? []) + (schema?.fields.map(\.name) ?? [])
        let layout = recordPresentation.layouts.layout(for: object, profile: profile, fallbackFields: fallback)
        return ResolvedRecordLayout(layout) { snapshot.fieldAccess(user, object: object, field: $0) }
    }
}
