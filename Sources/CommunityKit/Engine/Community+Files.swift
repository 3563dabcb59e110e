public import CommunityModel
public import CommunityContent
public import CommunityEngagement
import CommunityRendering
public import Foundation

extension Community {
    /// Rules, flags, the moderation queue, freezing and the audit log (``Engagement/moderation``).
    public var moderation: Moderation { engagement.moderation }

    /// Members' own profiles: name, title, about and photo (``Engagement/profiles``).
    public var profiles: Profiles { engagement.profiles }

    /// Stores a new profile photo for a member and points their profile at it, shared with every
    /// signed-in member; the previous photo is deleted. The bytes must be a PNG, JPEG, GIF or WebP
    /// image of the type declared.
    ///
    /// - Throws: ``UploadError/disallowedType(field:contentType:allowed:)`` or
    ///   ``UploadError/contentMismatch(field:declared:)`` for anything but such an image, a
    ///   ``FileError``, or ``EngagementError/notAllowed(action:subject:)`` when `editor` is someone
    ///   else. Nothing is left stored when one is thrown.
    @discardableResult
    public func setProfilePhoto(
        of memberID: ID<User>, fileName: String, contentType: String, data: Data, by editor: ID<User>
    ) throws -> ID<ContentFile> {
        try ProfilePhotoStore(files: files, engagement: engagement).set(memberID, fileName: fileName, contentType: contentType, data: data, by: editor)
    }
}
