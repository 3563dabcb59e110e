import CommunityModel
import CommunityContent
import CommunityEngagement
import Foundation

/// Stores case attachments in Content's Files: each upload becomes a file owned by the member
/// and shared with everyone who may read the case (through Access), so the download route
/// checks the case's own visibility.
struct ContentCaseFileStore: CaseFileStore {
    let files: FileService

    func store(_ upload: CaseAttachmentUpload, owner: ID<User>, caseID: ID<Case>) throws -> String {
        let file = try files.upload(
            title: upload.fileName, fileName: upload.fileName, contentType: upload.contentType, data: upload.data, by: owner)
        do {
            try files.share(file.id, with: .record("Case", caseID.rawValue), by: owner)
        } catch {
            try? files.delete(file.id, by: owner)
            throw error
        }
        return file.id.rawValue
    }

    func remove(_ fileID: String) throws {
        guard let id = try? ID<ContentFile>(parsing: fileID), let file = try files.file(id) else { return }
        try files.delete(id, by: file.ownerID)
    }
}
