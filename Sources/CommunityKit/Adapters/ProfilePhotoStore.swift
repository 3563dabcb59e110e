import CommunityModel
import CommunityContent
import CommunityEngagement
import CommunityRendering
import Foundation

/// Stores profile photos as files shared with every signed-in member and points the member's
/// profile at the new one; the previous photo is deleted. Used by ``Community/setProfilePhoto(of:fileName:contentType:data:by:)``
/// and the site's photo form.
struct ProfilePhotoStore {
    let files: FileService
    let engagement: Engagement

    /// The image types a photo may have.
    static let types = ProfileEditorComponent.photoTypes

    func set(_ memberID: ID<User>, fileName: String, contentType: String, data: Data, by editor: ID<User>) throws -> ID<ContentFile> {
        guard memberID == editor else {
            throw EngagementError.notAllowed(action: "edit the profile of", subject: "member \(memberID)")
        }
        let upload = UploadedFile(field: "photo", fileName: fileName, contentType: contentType, bytes: Array(data))
        guard Self.types.contains(contentType) else {
            throw UploadError.disallowedType(field: "photo", contentType: SiteLimitsDisplay.name(contentType), allowed: Self.types)
        }
        guard upload.sniffedImageType == contentType else { throw UploadError.contentMismatch(field: "photo", declared: contentType) }
        let previous = try engagement.profiles.details(of: memberID).photoFileID
        let file = try files.upload(title: "Profile photo", fileName: upload.fileName, contentType: contentType, data: data, by: editor)
        do {
            try files.share(file.id, with: .allMembers, by: editor)
            try engagement.profiles.setPhoto(memberID, fileID: file.id.rawValue, by: editor)
        } catch {
            try? files.delete(file.id, by: editor)
            throw error
        }
        if let previous, let old = try? ID<ContentFile>(parsing: previous) { try? files.delete(old, by: editor) }
        return file.id
    }
}

/// Text from a request safe to repeat in an error: at most 64 characters, controls removed.
enum SiteLimitsDisplay {
    static func name(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(64).map(Character.init))
    }
}
