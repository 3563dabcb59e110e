public import CommunityAccess
public import CommunityModel
public import Foundation

/// Files with versions, stored through a ``BlobStore``; shared to groups, records, partner
/// tiers or everyone through Access; organised in libraries partners see by tier;
/// download counts.
///
/// Bytes are written to the blob store before the metadata transaction and removed again
/// if the transaction fails, so no file record ever points at missing bytes.
public final class FileService: Sendable {
    let store: any Store
    let blobs: any BlobStore
    let access: AccessEngine
    let clock: any WallClock
    /// Size limits.
    public let limits: FileLimits
    /// Screens new titles (moderation rules); `nil` stores titles as given.
    let titleScreen: (any FileTitleScreen)?

    /// Creates the service. `titleScreen` screens the title of every new file (see ``FileTitleScreen``).
    public init(
        store: any Store, blobs: any BlobStore, access: AccessEngine, clock: any WallClock = SystemClock(),
        limits: FileLimits = FileLimits(), titleScreen: (any FileTitleScreen)? = nil
    ) {
        self.store = store
        self.blobs = blobs
        self.access = access
        self.clock = clock
        self.limits = limits
        self.titleScreen = titleScreen
    }

    // MARK: Libraries

    /// Creates a library (community managers only).
    public func createLibrary(
        name: String, description: String = "", minimumTier: Account.PartnerTier? = .registered,
        customersSee: Bool = false, by user: ID<User>
    ) throws -> Library {
        guard access.snapshot.hasPermission(user, .manageCommunity) else {
            throw FileError.notAllowed(user: user.rawValue, action: "create libraries")
        }
        let library = Library(
            id: ID.generate(prefix: "lib"), name: name, description: description, minimumTier: minimumTier,
            customersSee: customersSee, createdAt: clock.now())
        try store.write { tx in try tx.put(library, expecting: .absent) }
        return library
    }

    /// Libraries the user sees.
    public func libraries(as user: ID<User>) throws -> [Library] {
        let snapshot = store.snapshot()
        return try snapshot.all(Library.self).map(\.value).filter { try sees($0, user, in: snapshot) }
    }

    /// Files of a library the user may download.
    public func files(in library: ID<Library>, as user: ID<User>) throws -> [ContentFile] {
        let snapshot = store.snapshot()
        return try snapshot.query(Query<ContentFile>().where("libraryID", equals: .reference(library.rawValue)))
            .map(\.value).filter { try canDownload($0, user, in: snapshot) }
    }

    // MARK: Uploading

    /// Uploads a new file (version 1). Its title and file name pass the service's ``FileTitleScreen`` first.
    ///
    /// - Throws: a ``FileError``, or the screen's error when a moderation rule refuses the
    ///   title (``FileTitleScreen``). Nothing is stored when one is thrown.
    public func upload(
        title: String, description: String = "", fileName: String, contentType: String, data: Data,
        library: ID<Library>? = nil, locale: String = "en_US", by user: ID<User>
    ) throws -> ContentFile {
        try validate(title: title, contentType: contentType, data: data)
        let title = try titleScreen?.screen(title: title, by: user) ?? title
        let fileName = try titleScreen?.screen(title: fileName, by: user) ?? fileName
        let now = clock.now()
        if let library {
            guard access.snapshot.hasPermission(user, .manageCommunity) else {
                throw FileError.notAllowed(user: user.rawValue, action: "add files to libraries")
            }
            guard try store.snapshot().get(library) != nil else { throw FileError.unknownLibrary(library.rawValue) }
        }
        let file = ContentFile(
            id: ID.generate(prefix: "file"), title: title, description: description, ownerID: user, libraryID: library,
            contentType: contentType, size: data.count, locale: locale, createdAt: now)
        let version = FileVersion(
            fileID: file.id, number: 1, fileName: fileName, contentType: contentType, size: data.count, uploadedBy: user,
            uploadedAt: now)
        try storeBlob(data, key: version.blobKey) {
            try store.write { tx in
                if let library { guard try tx.get(library) != nil else { throw FileError.unknownLibrary(library.rawValue) } }
                try tx.put(file, expecting: .absent)
                try tx.put(version, expecting: .absent)
            }
        }
        return file
    }

    /// Uploads a new version (owner or community managers); its file name passes the ``FileTitleScreen``.
    @discardableResult
    public func uploadVersion(
        of fileID: ID<ContentFile>, fileName: String, contentType: String, data: Data, by user: ID<User>
    ) throws -> FileVersion {
        let current = try file(fileID, in: store.snapshot())
        try validate(title: current.title, contentType: contentType, data: data)
        let fileName = try titleScreen?.screen(title: fileName, by: user) ?? fileName
        try requireOwner(current, user, "upload versions")
        let now = clock.now()
        let version = FileVersion(
            fileID: fileID, number: current.latestVersion + 1, fileName: fileName, contentType: contentType,
            size: data.count, uploadedBy: user, uploadedAt: now)
        try storeBlob(data, key: version.blobKey) {
            try store.write { tx in
                var file = try self.file(fileID, in: tx)
                guard file.latestVersion + 1 == version.number else {
                    throw StoreError.conflict(
                        entity: ContentFile.entityType, id: fileID.rawValue, expected: .exactly(version.number - 1),
                        actual: file.latestVersion)
                }
                file.latestVersion = version.number
                file.contentType = contentType
                file.size = data.count
                file.updatedAt = now
                try tx.put(file)
                try tx.put(version, expecting: .absent)
            }
        }
        return version
    }

    /// Shares a file (owner or community managers).
    public func share(_ fileID: ID<ContentFile>, with target: FileShare.Target, by user: ID<User>) throws {
        try requireOwner(try file(fileID, in: store.snapshot()), user, "share files")
        try store.write { tx in
            _ = try self.file(fileID, in: tx)
            try tx.put(FileShare(fileID: fileID, target: target))
        }
    }

    /// Stops sharing a file with a target.
    public func unshare(_ fileID: ID<ContentFile>, from target: FileShare.Target, by user: ID<User>) throws {
        try requireOwner(try file(fileID, in: store.snapshot()), user, "unshare files")
        try store.write { tx in try tx.delete(FileShare(fileID: fileID, target: target).id) }
    }

    // MARK: Downloading

    /// Whether the user may download the file.
    public func canDownload(_ fileID: ID<ContentFile>, as user: ID<User>) throws -> Bool {
        let snapshot = store.snapshot()
        guard let file = try snapshot.value(fileID) else { return false }
        return try canDownload(file, user, in: snapshot)
    }

    /// The bytes of a version (the latest by default); counts the download.
    public func download(_ fileID: ID<ContentFile>, version number: Int? = nil, by user: ID<User>) throws -> (FileVersion, Data) {
        let snapshot = store.snapshot()
        let file = try file(fileID, in: snapshot)
        guard try canDownload(file, user, in: snapshot) else {
            throw FileError.notAllowed(user: user.rawValue, action: "download \(fileID.rawValue)")
        }
        let wanted = number ?? file.latestVersion
        guard let version = try versions(of: fileID, in: snapshot).first(where: { $0.number == wanted }) else {
            throw FileError.unknownVersion(file: fileID.rawValue, number: wanted)
        }
        guard let data = try blobs.get(version.blobKey) else {
            throw BlobStoreError.backend("bytes of \(version.id.rawValue) are missing")
        }
        try store.write { tx in
            var current = try self.file(fileID, in: tx)
            current.downloads += 1
            try tx.put(current)
        }
        return (version, data)
    }

    /// The versions of a file the user may download, oldest first.
    public func versions(of fileID: ID<ContentFile>, as user: ID<User>) throws -> [FileVersion] {
        let snapshot = store.snapshot()
        guard try canDownload(file(fileID, in: snapshot), user, in: snapshot) else {
            throw FileError.notAllowed(user: user.rawValue, action: "see \(fileID.rawValue)")
        }
        return try versions(of: fileID, in: snapshot)
    }

    /// The file record.
    public func file(_ id: ID<ContentFile>) throws -> ContentFile? { try store.snapshot().value(id) }

    // MARK: Rules

    func canDownload(_ file: ContentFile, _ user: ID<User>, in reader: any StoreReader) throws -> Bool {
        let snapshot = access.snapshot
        guard let entity = snapshot.user(user), entity.isActive else { return false }
        if file.ownerID == user || snapshot.hasPermission(user, .viewAllData) || snapshot.hasPermission(user, .manageCommunity) {
            return true
        }
        if let libraryID = file.libraryID, let library = try reader.value(libraryID), try sees(library, user, in: reader) {
            return true
        }
        let shares = try reader.query(Query<FileShare>().where("fileID", equals: .reference(file.id.rawValue))).map(\.value)
        for share in shares {
            switch share.target {
            case .allMembers:
                if entity.kind != .guest { return true }
            case .group(let group):
                if snapshot.isMember(user, of: .group(group)) { return true }
            case .record(let type, let id):
                if snapshot.access(user, to: type, id: id) >= .read { return true }
            case .partnerTier(let tier):
                if entity.kind == .internal { return true }
                if entity.kind == .partner, let t = try partnerTier(of: entity, in: reader), t >= tier { return true }
            }
        }
        return false
    }

    func sees(_ library: Library, _ user: ID<User>, in reader: any StoreReader) throws -> Bool {
        guard let entity = access.snapshot.user(user), entity.isActive else { return false }
        switch entity.kind {
        case .internal: return true
        case .customer: return library.customersSee
        case .guest: return false
        case .partner:
            guard let minimum = library.minimumTier, let tier = try partnerTier(of: entity, in: reader) else { return false }
            return tier >= minimum
        }
    }

    func partnerTier(of user: User, in reader: any StoreReader) throws -> Account.PartnerTier? {
        guard let accountID = user.accountID, let account = try reader.value(accountID), account.isPartner else { return nil }
        return account.partnerTier ?? .registered
    }

    func validate(title: String, contentType: String, data: Data) throws {
        if title.allSatisfy(\.isWhitespace) || title.count > limits.maxTitle { throw FileError.invalidTitle(title) }
        let parts = contentType.split(separator: "/", omittingEmptySubsequences: false)
        let token: (Substring) -> Bool = { part in
            !part.isEmpty && part.count <= 64
                && part.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }
        }
        guard parts.count == 2, token(parts[0]), token(parts[1]) else { throw FileError.invalidContentType(contentType) }
        if data.isEmpty { throw FileError.empty }
        if data.count > limits.maxBytes { throw FileError.tooLarge(limit: limits.maxBytes, actual: data.count) }
    }

    func requireOwner(_ file: ContentFile, _ user: ID<User>, _ action: String) throws {
        guard file.ownerID == user || access.snapshot.hasPermission(user, .manageCommunity) else {
            throw FileError.notAllowed(user: user.rawValue, action: action)
        }
    }

    func file(_ id: ID<ContentFile>, in reader: any StoreReader) throws -> ContentFile {
        guard let file = try reader.value(id) else { throw FileError.unknownFile(id.rawValue) }
        return file
    }

    func versions(of id: ID<ContentFile>, in reader: any StoreReader) throws -> [FileVersion] {
        try reader.query(Query<FileVersion>().where("fileID", equals: .reference(id.rawValue))).map(\.value)
            .sorted { $0.number < $1.number }
    }

    /// Writes the bytes, runs the metadata write, and removes the bytes again if it fails.
    func storeBlob(_ data: Data, key: String, then write: () throws -> Void) throws {
        try blobs.put(data, key: key)
        do { try write() } catch {
            try? blobs.delete(key)
            throw error
        }
    }
}
