public import CommunityModel

extension FileService {
    /// Deletes a file with every version, share and stored byte (the owner or community
    /// managers). Used to undo an upload whose owning write failed.
    ///
    /// - Throws: ``FileError/unknownFile(_:)`` or ``FileError/notAllowed(user:action:)``; nothing is removed then.
    public func delete(_ fileID: ID<ContentFile>, by user: ID<User>) throws {
        let current = try file(fileID, in: store.snapshot())
        try requireOwner(current, user, "delete files")
        let keys = try store.write { tx -> [String] in
            let versions = try versions(of: fileID, in: tx)
            let shares = try tx.query(Query<FileShare>().where("fileID", equals: .reference(fileID.rawValue))).map(\.value)
            for share in shares { try tx.delete(share.id) }
            for version in versions { try tx.delete(version.id) }
            try tx.delete(fileID)
            return versions.map(\.blobKey)
        }
        for key in keys { try? blobs.delete(key) }
    }
}
