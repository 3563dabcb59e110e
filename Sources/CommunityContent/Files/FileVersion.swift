public import CommunityModel
public import Foundation

/// One uploaded version of a file.
public struct FileVersion: Entity, Hashable {
    public static let entityType: EntityType = "FileVersion"
    public static var indexedFields: [IndexedField<FileVersion>] {
        [IndexedField("fileID") { .reference($0.fileID.rawValue) }]
    }

    public var id: ID<FileVersion>
    public var fileID: ID<ContentFile>
    /// 1, 2, 3…
    public var number: Int
    /// The file name as uploaded (display only; never used as a path).
    public var fileName: String
    public var contentType: String
    /// Bytes.
    public var size: Int
    /// Where the bytes are in the blob store.
    public var blobKey: String
    public var uploadedBy: ID<User>
    public var uploadedAt: Date

    /// Creates a version record.
    public init(
        fileID: ID<ContentFile>, number: Int, fileName: String, contentType: String, size: Int, uploadedBy: ID<User>,
        uploadedAt: Date
    ) {
        self.id = ID("\(fileID.rawValue).v\(number)".suffix(64).description)
        self.fileID = fileID
        self.number = number
        self.fileName = fileName
        self.contentType = contentType
        self.size = size
        self.blobKey = "\(fileID.rawValue)-v\(number)".replacingOccurrences(of: ":", with: "_")
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}
