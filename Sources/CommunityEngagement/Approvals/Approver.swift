public import CommunityModel

/// Who may act on an approval step.
public enum Approver: Hashable, Sendable, Codable {
    /// One named user.
    case user(ID<User>)
    /// Any user holding the role.
    case role(ID<Role>)
    /// Any member of the queue.
    case queue(ID<Queue>)
    /// The submitter's manager (``User/managerID``).
    case submittersManager
}
