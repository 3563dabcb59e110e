public import CommunityModel

/// What a user wants to do with a record, as the service workflows ask Access about it.
public enum RecordAction: String, Hashable, Sendable, Codable, CaseIterable {
    /// See the record.
    case read
    /// Create the record (the proposed record is passed).
    case create
    /// Change the record.
    case edit
}

/// The seam through which every service, partner, approval and employee workflow asks
/// whether a user may read, create or edit a record.
///
/// The production conformance is ``ServiceAccessPolicy`` (CommunityAccess: profiles, roles,
/// sharing rules, sharing sets, super users). Hosts may wrap it to add their own checks.
public protocol RecordAccessPolicy: Sendable {
    /// Whether `user` may perform `action` on `record`, reading related data from `reader`.
    func isAllowed(_ action: RecordAction, user: ID<User>, record: any Record, in reader: any StoreReader) throws
        -> Bool
}
