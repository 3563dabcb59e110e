public import CommunityModel
public import Foundation

/// A file members can download: its current metadata; the bytes of each version are in
/// the ``BlobStore``.
public struct ContentFile: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "ContentFile"
    /// Fields the store indexes for queries.
    public static var indexedFields: [IndexedField<ContentFile>] {
        [IndexedField("libraryID") { $0.libraryID.map { .reference($0.rawValue) } }]
    }

    /// The identifier.
    public var id: ID<ContentFile>
    /// The title shown.
    public var title: String
    /// A description.
    public var description: String
    /// The owner (uploader of the first version).
    public var ownerID: ID<User>
    /// The library (folder) it lives in, if any.
    public var libraryID: ID<Library>?
    /// The latest version number.
    public var latestVersion: Int
    /// Content type and size of the latest version.
    public var contentType: String
    /// Size in bytes.
    public var size: Int
    /// How many times any version was downloaded.
    public var downloads: Int
    /// Locale of the title and description (for search).
    public var locale: String
    /// When it was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a file record.
    public init(
        id: ID<ContentFile>, title: String, description: String, ownerID: ID<User>, libraryID: ID<Library>?,
        contentType: String, size: Int, locale: String, createdAt: Date
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.ownerID = ownerID
        self.libraryID = libraryID
        self.latestVersion = 1
        self.contentType = contentType
        self.size = size
        self.downloads = 0
        self.locale = locale
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }
}
