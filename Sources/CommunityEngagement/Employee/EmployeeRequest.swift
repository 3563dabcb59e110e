public import CommunityModel
public import Foundation

/// An employee's request (leave, equipment, travel) that goes through an approval process.
public struct EmployeeRequest: Entity, Hashable {
    /// Where the request stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case submitted, approved, rejected, recalled
    }

    public static let entityType: EntityType = "EmployeeRequest"
    public static var indexedFields: [IndexedField<EmployeeRequest>] {
        [IndexedField("employeeID") { .reference($0.employeeID.rawValue) }]
    }

    public var id: ID<EmployeeRequest>
    /// Who asks.
    public var employeeID: ID<User>
    /// The kind, such as `leave`; names the approval process `employee.<kind>`.
    public var kind: String
    /// A plain-text description.
    public var details: String
    /// First day concerned (for leave).
    public var startDay: Day?
    /// Last day concerned (for leave).
    public var endDay: Day?
    public var status: Status
    /// When it was submitted.
    public var submittedAt: Date
}
