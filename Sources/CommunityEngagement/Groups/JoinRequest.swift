public import CommunityModel
public import Foundation

/// A request to join a private group, decided by an owner or manager.
public struct JoinRequest: Entity, Hashable {
    public static let entityType: EntityType = "JoinRequest"
    public static var indexedFields: [IndexedField<JoinRequest>] {
        [
            IndexedField("groupID") { .reference($0.groupID.rawValue) },
            IndexedField("status") { .picklist($0.status.rawValue) },
        ]
    }

    /// Where the request stands.
    public enum Status: String, Hashable, Sendable, Codable {
        case pending, approved, declined
    }

    public var id: ID<JoinRequest>
    public var groupID: ID<CommunityGroup>
    public var memberID: ID<User>
    public var status: Status
    public var requestedAt: Date
    public var decidedBy: ID<User>?

    /// The request's id: one per group and member.
    public static func id(group: ID<CommunityGroup>, member: ID<User>) -> ID<JoinRequest> {
        StableID.make(prefix: "jr", group.rawValue, member.rawValue)
    }

    /// Creates a request.
    public init(groupID: ID<CommunityGroup>, memberID: ID<User>, status: Status = .pending, requestedAt: Date, decidedBy: ID<User>? = nil) {
        self.id = Self.id(group: groupID, member: memberID)
        self.groupID = groupID
        self.memberID = memberID
        self.status = status
        self.requestedAt = requestedAt
        self.decidedBy = decidedBy
    }
}
