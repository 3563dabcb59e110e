/// A case's comments and attachments, as the viewer may see them.
public protocol CaseActivityProvider: Sendable {
    /// The case's activity; `nil` when the case does not exist or the viewer may not read it.
    func activity(caseID: String, viewer: Viewer) throws -> CaseActivity?
}
