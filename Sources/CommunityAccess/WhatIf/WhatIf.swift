public import CommunityModel

/// A change to sharing configuration to evaluate without applying it.
public enum ProposedChange: Sendable {
    /// Add (or replace) a sharing rule.
    case addSharingRule(SharingRule)
    /// Delete a sharing rule.
    case removeSharingRule(ID<SharingRule>)
    /// Move a user to another role (or to none).
    case moveUser(ID<User>, toRole: ID<Role>?)
    /// Add a user to a public group.
    case addUserToGroup(ID<User>, group: ID<PublicGroup>)
    /// Remove a user from a public group (their direct entry).
    case removeUserFromGroup(ID<User>, group: ID<PublicGroup>)
    /// Any other entities to write (roles, groups, defaults, shares, records).
    case entities([any Entity])
}

/// How one user's access to one object would change.
public struct AccessDelta: Hashable, Sendable {
    public var user: ID<User>
    public var object: EntityType
    /// Records the user would start to see.
    public var gained: Int
    /// Records the user would stop seeing.
    public var lost: Int

    /// Creates a delta.
    public init(user: ID<User>, object: EntityType, gained: Int, lost: Int) {
        self.user = user
        self.object = object
        self.gained = gained
        self.lost = lost
    }
}

/// The outcome of ``AccessEngine/whatIf(_:)``: who gains or loses access, how many records
/// of each object.
public struct WhatIfReport: Sendable {
    /// Every user and object whose visible records would change.
    public var deltas: [AccessDelta]
    /// Users examined (those the change could affect).
    public var usersExamined: Int

    /// Users who would gain access to something.
    public var usersGaining: Set<ID<User>> { Set(deltas.filter { $0.gained > 0 }.map(\.user)) }
    /// Users who would lose access to something.
    public var usersLosing: Set<ID<User>> { Set(deltas.filter { $0.lost > 0 }.map(\.user)) }
}

extension AccessEngine {
    /// The users who would gain or lose read access, and to how many records of each object,
    /// if the change were made. Nothing is applied.
    public func whatIf(_ change: ProposedChange) -> WhatIfReport {
        let before = snapshot.state
        var candidates: Set<UInt32> = []
        let after = hypothetical { state in
            switch change {
            case .addSharingRule(let rule):
                state.apply(rule)
            case .removeSharingRule(let id):
                state.applyDeletion(type: SharingRule.entityType, id: id.rawValue)
            case .moveUser(let id, let role):
                if let i = state.userIDs.id(id), var user = state.users[Int(i)] {
                    user.roleID = role
                    state.apply(user)
                }
            case .addUserToGroup(let user, let group):
                if let g = state.groupIDs.id(group), var entity = state.groups[Int(g)] {
                    if !entity.members.contains(.user(user)) { entity.members.append(.user(user)) }
                    state.apply(entity)
                }
            case .removeUserFromGroup(let user, let group):
                if let g = state.groupIDs.id(group), var entity = state.groups[Int(g)] {
                    entity.members.removeAll { $0 == .user(user) }
                    state.apply(entity)
                }
            case .entities(let list):
                for e in list { state.apply(e) }
            }
        }
        // Users the change can affect: whoever a changed grant reaches before or after.
        switch change {
        case .addSharingRule(let rule):
            candidates = Self.reached(by: [rule.sharedWith], in: [before, after])
        case .removeSharingRule(let id):
            if let r = before.ruleIDs.id(id), let rule = before.rules[Int(r)] {
                candidates = Self.reached(by: [rule.sharedWith], in: [before, after])
            }
        case .moveUser(let id, _), .addUserToGroup(let id, _), .removeUserFromGroup(let id, _):
            // The user, everyone above them (before and after), and targets of owner rules.
            var grantees: [Grantee] = [.user(id)]
            for r in before.rules.compactMap({ $0 }) where !r.isCriteriaBased { grantees.append(r.sharedWith) }
            candidates = Self.reached(by: grantees, in: [before, after])
            for state in [before, after] {
                for s in state.directory.accountSuperUsers.values.joined() { candidates.insert(s) }
            }
        case .entities:
            candidates = Set((0..<UInt32(after.users.count)).filter { after.users[Int($0)] != nil })
        }
        var deltas: [AccessDelta] = []
        let objects = (0..<after.objects.count).filter { after.liveCount.indices.contains($0) && after.liveCount[$0] > 0 }
        for u in candidates.sorted() {
            for o in objects {
                var was: Set<UInt32> = []
                if Int(u) < before.users.count, o < before.objects.count {
                    before.forEachVisible(u, UInt16(o), from: 0) { i, _ in was.insert(i); return true }
                }
                var now: Set<UInt32> = []
                after.forEachVisible(u, UInt16(o), from: 0) { i, _ in now.insert(i); return true }
                let gained = now.subtracting(was).count, lost = was.subtracting(now).count
                if gained > 0 || lost > 0 {
                    deltas.append(AccessDelta(user: after.userIDs.keys[Int(u)], object: after.objects.keys[o], gained: gained, lost: lost))
                }
            }
        }
        return WhatIfReport(deltas: deltas, usersExamined: candidates.count)
    }

    /// Users that a grant to any of the grantees reaches (as members or through the
    /// hierarchy) in any of the states.
    static func reached(by grantees: [Grantee], in states: [AccessState]) -> Set<UInt32> {
        var out: Set<UInt32> = []
        for state in states {
            let principals = grantees.compactMap { state.principalIfKnown($0) }
            for u in 0..<UInt32(state.users.count) where state.directory.userActive[Int(u)] {
                if principals.contains(where: { state.reaches(u, $0, hierarchy: true) }) { out.insert(u) }
            }
        }
        return out
    }
}
