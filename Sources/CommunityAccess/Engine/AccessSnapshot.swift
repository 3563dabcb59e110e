public import CommunityModel

/// A dense handle for a user inside one snapshot (valid in later snapshots of the same engine).
public struct UserHandle: Hashable, Sendable {
    let index: UInt32
}

/// A dense handle for a record inside one snapshot (valid in later snapshots of the same engine).
public struct RecordHandle: Hashable, Sendable, Comparable {
    let index: UInt32

    /// Handles order as listings do (``AccessSnapshot/visibleRecords(of:object:filter:after:limit:)``
    /// returns records in ascending handle order).
    public static func < (a: RecordHandle, b: RecordHandle) -> Bool { a.index < b.index }
}

/// What a user may do with a record: the access level and the actions it allows.
public struct AccessCapabilities: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    /// Creates capabilities from their bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// View the record.
    public static let read = AccessCapabilities(rawValue: 1)
    /// Edit it.
    public static let edit = AccessCapabilities(rawValue: 2)
    /// Delete it.
    public static let delete = AccessCapabilities(rawValue: 4)
    /// Give it to another owner.
    public static let transfer = AccessCapabilities(rawValue: 8)
    /// Share it manually.
    public static let share = AccessCapabilities(rawValue: 16)

    /// Whether the capabilities allow an action.
    public func allows(_ action: AccessAction) -> Bool {
        switch action {
        case .read: contains(.read)
        case .edit: contains(.edit)
        case .delete: contains(.delete)
        case .transfer: contains(.transfer)
        case .share: contains(.share)
        }
    }
}

/// An immutable view of the engine's state: every question asked of one snapshot gets
/// answers that agree with each other. Cheap to take, safe to keep and share across threads.
public struct AccessSnapshot: Sendable {
    let state: AccessState
    /// Listing candidates gathered from this snapshot, kept for later listings of it.
    let listings = ListingCache()
    /// Answers derived from this snapshot, such as report results (``memoized(_:compute:)``).
    let memo = SnapshotMemo()
    /// Where this snapshot stands in its engine's history (``carriedAnswer(_:as:maximumChanges:)``);
    /// `nil` for states no engine published.
    let lineage: SnapshotLineage?

    init(state: AccessState, lineage: SnapshotLineage? = nil) {
        self.state = state
        self.lineage = lineage
    }

    /// The store sequence number of the last change this snapshot includes.
    public var sequence: UInt64 { state.sequence }

    // MARK: Handles

    /// The dense handle of a user, for the fastest checks.
    public func handle(for user: ID<User>) -> UserHandle? {
        guard let i = state.userIDs.id(user), state.users[Int(i)] != nil else { return nil }
        return UserHandle(index: i)
    }

    /// The dense handle of a record, for the fastest checks.
    public func handle(for object: EntityType, id: String) -> RecordHandle? {
        guard let i = state.recordIndex(object: object, id: id), state.rows[Int(i)].alive else { return nil }
        return RecordHandle(index: i)
    }

    /// The dense handle of a record.
    public func handle<R: Record>(for record: R) -> RecordHandle? { handle(for: R.entityType, id: record.id.rawValue) }

    // MARK: Single-record questions

    /// The user's access to a record: `none < read < edit < all`. `all` means full access
    /// including delete (object Delete permission held).
    public func access(_ user: UserHandle, to record: RecordHandle) -> AccessLevel {
        state.evaluate(user.index, record.index)
    }

    /// The user's access to a record by ids; `.none` for unknown users or records.
    public func access(_ user: ID<User>, to object: EntityType, id: String) -> AccessLevel {
        guard let u = state.userIDs.id(user), let r = state.recordIndex(object: object, id: id) else { return .none }
        return state.evaluate(u, r)
    }

    /// The user's access to a record (looked up by its object and id).
    public func access<R: Record>(_ user: ID<User>, to record: R) -> AccessLevel {
        access(user, to: R.entityType, id: record.id.rawValue)
    }

    /// Everything the user may do with the record.
    public func capabilities(_ user: UserHandle, on record: RecordHandle) -> AccessCapabilities {
        let level = state.evaluate(user.index, record.index)
        var caps: AccessCapabilities = []
        if level >= .read { caps.insert(.read) }
        if level >= .edit { caps.insert(.edit) }
        if level == .all {
            caps.formUnion([.delete, .transfer])
            let d = state.directory
            if d.userKind[Int(user.index)] != .guest, !d.userHighVolume[Int(user.index)] { caps.insert(.share) }
        } else if level >= .edit {
            let row = state.rows[Int(record.index)]
            if state.model(for: user.index, object: row.object) == .publicReadWriteTransfer { caps.insert(.transfer) }
        }
        return caps
    }

    /// Whether the user may perform the action on the record.
    public func can(_ user: ID<User>, _ action: AccessAction, _ object: EntityType, id: String) -> Bool {
        guard let u = state.userIDs.id(user), let r = state.recordIndex(object: object, id: id) else { return false }
        return capabilities(UserHandle(index: u), on: RecordHandle(index: r)).allows(action)
    }

    /// Whether the user may perform the action on the record.
    public func can<R: Record>(_ user: ID<User>, _ action: AccessAction, _ record: R) -> Bool {
        can(user, action, R.entityType, id: record.id.rawValue)
    }

    /// Whether the user may perform the action on the record (dense handles).
    public func can(_ user: UserHandle, _ action: AccessAction, _ record: RecordHandle) -> Bool {
        capabilities(user, on: record).allows(action)
    }

    // MARK: Permissions

    /// The user's effective object permissions on an object (profile ∪ permission sets ∪
    /// groups minus muting; View All Data and Modify All Data folded in).
    public func objectPermissions(_ user: ID<User>, on object: EntityType) -> ObjectPermissions {
        guard let p = permissions(user) else { return [] }
        var op = state.objects.id(object).map { p.object(UInt16($0)) } ?? []
        if p.viewAllData { op.formUnion([.read, .viewAll]) }
        if p.modifyAllData { op.formUnion([.read, .create, .edit, .delete, .viewAll, .modifyAll]) }
        return op
    }

    /// Whether the user holds a system permission (profile, permission sets, groups).
    public func hasPermission(_ user: ID<User>, _ permission: SystemPermission) -> Bool {
        guard let p = permissions(user) else { return false }
        if permission == .viewAllData { return p.viewAllData }
        return p.system.contains(permission)
    }

    /// Every system permission the user holds.
    public func systemPermissions(_ user: ID<User>) -> Set<SystemPermission> {
        permissions(user)?.system ?? []
    }

    func permissions(_ user: ID<User>) -> EffectivePermissions? {
        guard let u = state.userIDs.id(user), Int(u) < state.directory.userActive.count,
              state.directory.userActive[Int(u)]
        else { return nil }
        return state.directory.permissions[Int(state.directory.userPermissions[Int(u)])]
    }

    // MARK: Membership

    /// Whether the user is a (transitive) member of a group, queue or role set.
    public func isMember(_ user: ID<User>, of grantee: Grantee) -> Bool {
        guard let u = state.userIDs.id(user), state.directory.userActive.indices.contains(Int(u)),
              state.directory.userActive[Int(u)]
        else { return false }
        guard let p = state.principalIfKnown(grantee) else { return false }
        return state.directory.isMember(u, p)
    }

    /// The active users a group, queue, role set or portal group contains (transitively),
    /// ordered by id. Queue members are the users who work the queue's records.
    public func members(of grantee: Grantee) -> [ID<User>] {
        guard let p = state.principalIfKnown(grantee) else { return [] }
        let d = state.directory
        let ids = Set(d.users(of: p)).filter { Int($0) < d.userActive.count && d.userActive[Int($0)] && d.isMember($0, p) }
        return ids.map { state.userIDs.keys[Int($0)] }.sorted()
    }

    /// Whether the user may create records of the object (object Create permission).
    public func canCreate(_ user: ID<User>, _ object: EntityType) -> Bool {
        objectPermissions(user, on: object).contains(.create)
    }

    /// Whether the user is a member of the site (profile or permission set listed), using
    /// the site membership the engine holds.
    public func isMember(_ user: ID<User>, ofSite site: ID<SiteMembership>) -> Bool {
        guard let membership = state.sites[site] else { return false }
        return isMember(user, of: membership)
    }

    /// Whether the user is an active member of the site described by `membership`.
    public func isMember(_ user: ID<User>, of membership: SiteMembership) -> Bool {
        guard let u = state.userIDs.id(user), let entity = state.users[Int(u)], entity.isActive else { return false }
        var sets = entity.permissionSetIDs
        for g in entity.permissionSetGroupIDs {
            sets += state.permissionSetGroups[g]?.permissionSetIDs ?? []
        }
        return membership.admits(userID: user, profileID: entity.profileID, permissionSetIDs: sets)
    }

    /// The user's access to a record when asked inside a site: none unless the user is a member.
    public func access<R: Record>(_ user: ID<User>, to record: R, inSite site: SiteMembership) -> AccessLevel {
        isMember(user, of: site) ? access(user, to: record) : .none
    }

    /// The user as the engine knows it.
    public func user(_ id: ID<User>) -> User? {
        state.userIDs.id(id).flatMap { state.users[Int($0)] }
    }

    /// The record as the engine knows it.
    public func record(_ object: EntityType, id: String) -> (any Record)? {
        guard let i = state.recordIndex(object: object, id: id) else { return nil }
        return state.rows[Int(i)].alive ? state.entities[Int(i)].record : nil
    }

    /// Number of live records of an object.
    public func count(of object: EntityType) -> Int {
        state.objects.id(object).map { state.liveCount[Int($0)] } ?? 0
    }
}

extension AccessState {
    /// The internal form of a grantee, if every id in it is known.
    func principalIfKnown(_ g: Grantee) -> Principal? {
        switch g {
        case .user(let id): userIDs.id(id).map { Principal(kind: .user, index: $0) }
        case .group(let id): groupIDs.id(id).map { Principal(kind: .group, index: $0) }
        case .role(let id): roleIDs.id(id).map { Principal(kind: .role, index: $0) }
        case .roleAndSubordinates(let id): roleIDs.id(id).map { Principal(kind: .roleAndSubordinates, index: $0) }
        case .roleAndInternalSubordinates(let id):
            roleIDs.id(id).map { Principal(kind: .roleAndInternalSubordinates, index: $0) }
        case .queue(let id): queueIDs.id(id).map { Principal(kind: .queue, index: $0) }
        case .allPartnerUsers: Principal(kind: .allPartners, index: 0)
        case .allCustomerPortalUsers: Principal(kind: .allCustomers, index: 0)
        }
    }
}
