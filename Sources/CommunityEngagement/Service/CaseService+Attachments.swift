public import CommunityModel

extension CaseService {
    /// The most files one case may carry.
    public static let maxAttachments = 50

    /// Attaches a file to an existing case. Anyone who may read the case may attach (as anyone
    /// who may read it may comment publicly); the file is stored through the ``CaseFileStore``
    /// first and removed again when the case's tracking cannot be updated, so nothing is left
    /// half-written.
    ///
    /// - Returns: the stored file's id.
    /// - Throws: ``CaseError/invalidConfiguration(_:)`` without a file store, ``CaseError/unknownCase(_:)``,
    ///   ``AccessDenied``, ``CaseError/invalid(_:)`` past ``maxAttachments``, or the file store's error.
    @discardableResult
    public func attach(_ upload: CaseAttachmentUpload, to id: ID<Case>, by user: ID<User>) throws -> String {
        guard let files else { throw CaseError.invalidConfiguration("attachments need a CaseFileStore") }
        let existing = try attachments(of: id, viewer: user).count
        guard existing < Self.maxAttachments else {
            throw CaseError.invalid(ValidationError(field: "Case.Attachments", reason: .tooLong(limit: Self.maxAttachments, actual: existing + 1)))
        }
        let stored = try files.store(upload, owner: user, caseID: id)
        do {
            try environment.store.write { tx in
                guard let record = try tx.value(id) else { throw CaseError.unknownCase(id) }
                try environment.require(.read, user: user, record: record, in: tx)
                // A case written to the store directly (imported, seeded) gets its tracking on first activity.
                var tracking = try tx.value(CaseTracking.id(for: id)) ?? CaseTracking(caseID: id, raisedBy: nil, supportLevel: "")
                guard tracking.attachmentIDs.count < Self.maxAttachments else {
                    throw CaseError.invalid(ValidationError(
                        field: "Case.Attachments", reason: .tooLong(limit: Self.maxAttachments, actual: tracking.attachmentIDs.count + 1)))
                }
                tracking.attachmentIDs.append(stored)
                try appendHistory(&tracking, field: "Attachment", old: nil, new: stored, actor: user, reason: nil, in: tx)
                try tx.put(tracking)
            }
        } catch {
            try? files.remove(stored)
            throw error
        }
        return stored
    }

    /// The ids of the files attached to a case, oldest first, if `viewer` may read it.
    public func attachments(of id: ID<Case>, viewer: ID<User>) throws -> [String] {
        _ = try self.case(id, viewer: viewer)
        return try environment.store.snapshot().value(CaseTracking.id(for: id))?.attachmentIDs ?? []
    }
}
