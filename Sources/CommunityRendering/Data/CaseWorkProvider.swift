/// What an agent may do with a case from the site: its status and the statuses it may move to,
/// whether the agent may take it from a queue, and the cases waiting in the agent's queues.
/// The default reports nothing, so a host implements what it has.
public protocol CaseWorkProvider: Sendable {
    /// The case's work panel for `viewer`; `nil` when the viewer may not work on it (not an
    /// internal user, cannot read the case, or an unknown id).
    func caseWork(caseID: String, viewer: Viewer) throws -> CaseWorkSummary?
    /// Open cases owned by the queues the viewer belongs to, oldest first.
    func queuedCases(viewer: Viewer, limit: Int) throws -> [QueuedCaseSummary]
}

extension CaseWorkProvider {
    /// None.
    public func caseWork(caseID: String, viewer: Viewer) throws -> CaseWorkSummary? { nil }
    /// None.
    public func queuedCases(viewer: Viewer, limit: Int) throws -> [QueuedCaseSummary] { [] }
}
