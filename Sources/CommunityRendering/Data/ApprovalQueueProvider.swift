/// The approval requests a viewer may decide now (lead registrations, fund requests, employee
/// requests and any other process). The default reports nothing, so a host implements what it has.
public protocol ApprovalQueueProvider: Sendable {
    /// Pending requests the viewer may approve or reject now, oldest first.
    func pendingApprovals(viewer: Viewer, limit: Int) throws -> [ApprovalSummary]
}

extension ApprovalQueueProvider {
    /// None.
    public func pendingApprovals(viewer: Viewer, limit: Int) throws -> [ApprovalSummary] { [] }
}
