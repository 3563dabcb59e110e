public import CommunityModel

/// The access policy refused an action on a record.
public struct AccessDenied: Error, Hashable, Sendable, CustomStringConvertible {
    /// Who asked.
    public var user: ID<User>
    /// What they wanted to do.
    public var action: RecordAction
    /// The record's type.
    public var entity: EntityType
    /// The record's id.
    public var recordID: String

    /// Creates the error.
    public init(user: ID<User>, action: RecordAction, entity: EntityType, recordID: String) {
        self.user = user
        self.action = action
        self.entity = entity
        self.recordID = recordID
    }

    public var description: String { "\(user) may not \(action.rawValue) \(entity) \(recordID)" }
}
