public import CommunityModel
public import Foundation

/// One uploaded version of a file.
public struct FileVersion: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "FileVersion"
    /// Fields the store indexes for queries.
    public static var indexedFields: [IndexedField<FileVersion>] {
        [IndexedField("fileID") { .reference($0.fileID.rawValue) }]
    }

    /// The identifier.
    public var id: ID<FileVersion>
    /// The file.
    public var fileID: ID<ContentFile>
    /// 1, 2, 3…
    public var number: Int
    /// The file name as uploaded (display only; never used as a path).
    public var fileName: String
    /// The MIME content type, such as `application/pdf`.
    public var contentType: String
    /// Bytes.
    public var size: Int
    /// Where the bytes are in the blob store.
    public var blobKey: String
    /// Who uploaded it.
    public var uploadedBy: ID<User>
    /// When it was uploaded.
    public var uploadedAt: Date

    /// Creates a version record.
    public init(
        fileID: ID<ContentFile>, number: Int, fileName: String, contentType: String, size: Int, uploadedBy: ID<User>,
        uploadedAt: Date
    ) {
        self.id = ID("\(fileID.rawValue).v\(number)".suffix(64).description)  // trap-safe: an id, ".v" and digits, cut to 64 characters, are identifier characters
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
