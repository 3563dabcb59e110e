/// The employee portal as the viewer may see it: announcements targeted at them, their own
/// requests and the request kinds they may submit. Each method has a default that reports
/// nothing, so a host implements what it has.
public protocol EmployeePortalProvider: Sendable {
    /// Announcements meant for the viewer now, newest first.
    func announcements(viewer: Viewer, limit: Int) throws -> [AnnouncementSummary]
    /// The viewer's own requests, newest first.
    func employeeRequests(viewer: Viewer, limit: Int) throws -> [EmployeeRequestSummary]
    /// The request kinds an employee may submit, such as `leave`, sorted.
    func requestKinds() -> [String]
    /// Whether the viewer may publish announcements.
    func mayPublish(viewer: Viewer) -> Bool
}

extension EmployeePortalProvider {
    /// None.
    public func announcements(viewer: Viewer, limit: Int) throws -> [AnnouncementSummary] { [] }
    /// None.
    public func employeeRequests(viewer: Viewer, limit: Int) throws -> [EmployeeRequestSummary] { [] }
    /// None.
    public func requestKinds() -> [String] { [] }
    /// Nobody.
    public func mayPublish(viewer: Viewer) -> Bool { false }
}
