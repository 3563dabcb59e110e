public import CommunityModel
public import Foundation
import Synchronization

/// A file a member attaches to a new case.
public struct CaseAttachmentUpload: Hashable, Sendable {
    /// The file's name.
    public var fileName: String
    /// MIME type.
    public var contentType: String
    /// The bytes.
    public var data: Data

    /// Creates an upload.
    public init(fileName: String, contentType: String, data: Data) {
        self.fileName = fileName
        self.contentType = contentType
        self.data = data
    }
}

/// The seam to Content's Files: stores case attachments and removes them again when the
/// case could not be saved.
public protocol CaseFileStore: Sendable {
    /// Stores a file uploaded by `owner` for `caseID`, returning the file's id.
    func store(_ upload: CaseAttachmentUpload, owner: ID<User>, caseID: ID<Case>) throws -> String
    /// Removes a stored file (used to undo when the case write fails).
    func remove(_ fileID: String) throws
}

/// A ``CaseFileStore`` in memory, for tests and hosts without Content.
public final class MemoryCaseFileStore: CaseFileStore {
    private let files = Mutex<[String: CaseAttachmentUpload]>([:])
    private let limit: Int

    /// Creates a store that accepts files up to `maxBytes`.
    public init(maxBytes: Int = 10 * 1024 * 1024) { self.limit = maxBytes }

    public func store(_ upload: CaseAttachmentUpload, owner: ID<User>, caseID: ID<Case>) throws -> String {
        try Check.text(upload.fileName, field: "Attachment.fileName", max: 255)
        guard upload.data.count <= limit else {
            throw ValidationError(field: "Attachment.data", reason: .tooLong(limit: limit, actual: upload.data.count))
        }
        let id = ID<Case>.generate(prefix: "file").rawValue
        files.withLock { $0[id] = upload }
        return id
    }

    public func remove(_ fileID: String) throws { _ = files.withLock { $0.removeValue(forKey: fileID) } }

    /// The stored file with this id.
    public func file(_ id: String) -> CaseAttachmentUpload? { files.withLock { $0[id] } }

    /// How many files are stored.
    public var count: Int { files.withLock { $0.count } }
}
