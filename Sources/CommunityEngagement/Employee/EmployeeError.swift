public import CommunityModel

/// Why an employee-portal action was refused.
public enum EmployeeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Only active internal users use the employee portal.
    case notAnEmployee(ID<User>)
    /// The user may not publish announcements.
    case notAPublisher(ID<User>)
    /// A field value was rejected.
    case invalid(ValidationError)
    /// No such request.
    case unknownRequest(ID<EmployeeRequest>)

    public var description: String {
        switch self {
        case .notAnEmployee(let user): "\(user) is not an active employee"
        case .notAPublisher(let user): "\(user) may not publish announcements"
        case .invalid(let error): error.description
        case .unknownRequest(let id): "no employee request \(id)"
        }
    }
}
