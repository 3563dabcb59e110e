/// The signed-in member's own settings: their profile and notification preferences.
public protocol MemberSettingsProvider: Sendable {
    /// The viewer's own profile; `nil` for the guest.
    func ownProfile(viewer: Viewer) throws -> EditableProfile?
    /// The viewer's notification settings; `nil` for the guest.
    func notificationSettings(viewer: Viewer) throws -> NotificationSettings?
    /// A member's profile photo file id, when the viewer may see it.
    func photoFileID(memberID: String, viewer: Viewer) throws -> String?
}
