public import CommunityModel
public import Foundation

/// Groups: public, private and unlisted; joining, leaving, requests, roles, limits,
/// announcements, files and archiving.
public struct Groups: Sendable {
    let engine: Engagement

    /// Creates a group owned by `ownerID` (who becomes its first member and follows it) in a
    /// site (`nil`: an engine-wide group every site lists).
    @discardableResult
    public func create(
        name: String, summary: String = "", visibility: CommunityGroup.Visibility, memberLimit: Int? = nil,
        requiresPostApproval: Bool = false, topics: [String] = [], site: String? = nil, by ownerID: ID<User>
    ) throws -> CommunityGroup {
        try engine.checkText(name, field: "CommunityGroup.Name", max: 80)
        try engine.checkText(summary, field: "CommunityGroup.Summary", max: 1_000, required: false)
        if let limit = memberLimit, limit < 1 {
            throw EngagementError.invalid(ValidationError(field: "CommunityGroup.MemberLimit", reason: .outOfRange("\(limit)")))
        }
        let topics = try Feeds.normalisedTopics(topics, max: engine.configuration.maxTopics)
        return try engine.perform { tx, effects in
            let owner = try engine.writer(ownerID, in: tx)
            let verdict = try engine.rules(in: tx).screen.verdict(for: name + "\n" + summary, kind: .post, memberKind: owner.kind)
            if let action = verdict.action, action >= .block, let rule = verdict.decisiveRule {
                throw EngagementError.blocked(rule: rule, keywords: verdict.keywords)
            }
            let now = engine.clock.now()
            let group = CommunityGroup(
                id: .generate(prefix: "grp"), name: name, summary: summary, visibility: visibility, ownerID: ownerID,
                memberLimit: memberLimit, requiresPostApproval: requiresPostApproval, topics: topics, createdAt: now,
                siteID: site)
            try tx.put(group, expecting: .absent)
            try tx.put(GroupMembership(groupID: group.id, memberID: ownerID, role: .owner, joinedAt: now), expecting: .absent)
            try followGroup(group.id, ownerID, tx)
            effects.publish(GroupChanged(groupID: group.id, changedBy: ownerID, change: "created", occurredAt: now))
            effects.publish(GroupMembershipChanged(groupID: group.id, memberID: ownerID, role: .owner, changedBy: ownerID, occurredAt: now))
            return group
        }
    }

    private func followGroup(_ group: ID<CommunityGroup>, _ member: ID<User>, _ tx: any StoreTransaction) throws {
        let id: ID<Follow> = StableID.make(prefix: "fw", member.rawValue, FeedKey.group(group).description)
        if try tx.get(id) == nil {
            try tx.put(Follow(id: id, followerID: member, target: .group(group), since: engine.clock.now()))
        }
    }

    private func unfollowGroup(_ group: ID<CommunityGroup>, _ member: ID<User>, _ tx: any StoreTransaction) throws {
        try tx.delete(StableID.make(prefix: "fw", member.rawValue, FeedKey.group(group).description) as ID<Follow>)
    }

    /// The group, if the viewer may know it exists (unlisted groups only to members); another
    /// site's group is unknown in `site`.
    public func group(_ id: ID<CommunityGroup>, viewer: ID<User>, site: String? = nil) throws -> CommunityGroup {
        guard let g = try engine.store.snapshot().value(id), g.visibility != .unlisted || engine.index.isMember(viewer, of: id),
              SiteScope.includes(g.siteID, in: site)
        else { throw EngagementError.unknownGroup(id) }
        return g
    }

    /// Groups the viewer can find: public and private ones, and unlisted ones they belong to;
    /// with a site, only that site's groups and engine-wide ones (see ``SiteScope``).
    public func directory(viewer: ID<User>, includeArchived: Bool = false, site: String? = nil) throws -> [CommunityGroup] {
        try engine.store.snapshot().all(CommunityGroup.self).map(\.value).filter {
            ($0.visibility != .unlisted || engine.index.isMember(viewer, of: $0.id)) && (includeArchived || !$0.isArchived)
                && SiteScope.includes($0.siteID, in: site)
        }
    }

    /// The viewer's role in a group (`nil` when not a member).
    public func role(of memberID: ID<User>, in group: ID<CommunityGroup>) throws -> GroupMembership.Role? {
        try engine.store.snapshot().value(GroupMembership.id(group: group, member: memberID))?.role
    }

    /// Members of a group the viewer may see (members of non-public groups see each other).
    public func members(of id: ID<CommunityGroup>, viewer: ID<User>) throws -> [GroupMembership] {
        guard engine.canSeeFeed(of: id, viewer: viewer) else { throw EngagementError.unknownGroup(id) }
        return try engine.store.snapshot().query(Query<GroupMembership>().where("groupID", equals: .reference(id.rawValue))).map(\.value)
    }

    /// Joins a public group.
    ///
    /// - Throws: ``EngagementError/notAllowed(action:subject:)`` for private and unlisted groups
    ///   (use ``requestToJoin(_:by:)``), ``EngagementError/groupFull(_:limit:)``, ``EngagementError/groupArchived(_:)``.
    public func join(_ id: ID<CommunityGroup>, by memberID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.writer(memberID, in: tx)
            let group = try usable(id, viewer: memberID, tx)
            guard group.visibility == .public else { throw EngagementError.notAllowed(action: "join", subject: "group \(id) without approval") }
            try add(memberID, to: group, role: .member, by: memberID, tx, effects)
            return true
        }
    }

    /// Asks to join a private group; owners and managers decide.
    public func requestToJoin(_ id: ID<CommunityGroup>, by memberID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.writer(memberID, in: tx)
            let group = try usable(id, viewer: memberID, tx)
            guard group.visibility == .private else {
                throw EngagementError.notAllowed(action: "request to join", subject: "group \(id)")
            }
            if try tx.value(GroupMembership.id(group: id, member: memberID)) != nil { throw EngagementError.conflict("already a member of \(id)") }
            if let r = try tx.value(JoinRequest.id(group: id, member: memberID)), r.status == .pending { return true }
            try tx.put(JoinRequest(groupID: id, memberID: memberID, requestedAt: engine.clock.now()))
            effects.publish(JoinRequested(groupID: id, memberID: memberID, occurredAt: engine.clock.now()))
            return true
        }
    }

    /// Pending join requests (owners and managers only).
    public func pendingRequests(_ id: ID<CommunityGroup>, viewer: ID<User>) throws -> [JoinRequest] {
        let snapshot = engine.store.snapshot()
        try requireManager(id, viewer, snapshot)
        return try snapshot.query(Query<JoinRequest>().where("groupID", equals: .reference(id.rawValue)).where("status", equals: .picklist("pending")))
            .map(\.value)
    }

    /// Approves or declines a join request (owners and managers).
    public func decide(_ id: ID<CommunityGroup>, member memberID: ID<User>, approve: Bool, by deciderID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.writer(deciderID, in: tx)
            try requireManager(id, deciderID, tx)
            guard var request = try tx.value(JoinRequest.id(group: id, member: memberID)), request.status == .pending else {
                throw EngagementError.conflict("no pending request from \(memberID) for \(id)")
            }
            let group = try usable(id, viewer: deciderID, tx)
            request.status = approve ? .approved : .declined
            request.decidedBy = deciderID
            try tx.put(request)
            if approve { try add(memberID, to: group, role: .member, by: deciderID, tx, effects) }
            effects.publish(JoinRequestDecided(groupID: id, memberID: memberID, approved: approve, decidedBy: deciderID, occurredAt: engine.clock.now()))
            return true
        }
    }

    /// Adds a member directly (owners and managers; the way into unlisted groups).
    public func add(_ memberID: ID<User>, to id: ID<CommunityGroup>, by managerID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.writer(managerID, in: tx)
            _ = try engine.member(memberID, in: tx)
            try requireManager(id, managerID, tx)
            let group = try usable(id, viewer: managerID, tx)
            try add(memberID, to: group, role: .member, by: managerID, tx, effects)
            return true
        }
    }

    /// Leaves a group. The owner must hand the group over first.
    public func leave(_ id: ID<CommunityGroup>, by memberID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            guard let m = try tx.value(GroupMembership.id(group: id, member: memberID)) else {
                throw EngagementError.conflict("\(memberID) is not a member of \(id)")
            }
            guard m.role != .owner else { throw EngagementError.notAllowed(action: "leave", subject: "group \(id) as its owner") }
            try tx.delete(m.id)
            try unfollowGroup(id, memberID, tx)
            effects.publish(GroupMembershipChanged(groupID: id, memberID: memberID, role: nil, changedBy: memberID, occurredAt: engine.clock.now()))
            return true
        }
    }

    /// Removes a member (owners and managers; managers cannot remove the owner or other managers).
    public func remove(_ memberID: ID<User>, from id: ID<CommunityGroup>, by managerID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            let myRole = try requireManager(id, managerID, tx)
            guard let m = try tx.value(GroupMembership.id(group: id, member: memberID)) else {
                throw EngagementError.conflict("\(memberID) is not a member of \(id)")
            }
            guard m.role < myRole || (myRole == .owner && m.role != .owner) else {
                throw EngagementError.notAllowed(action: "remove", subject: "\(m.role.rawValue) \(memberID)")
            }
            try tx.delete(m.id)
            try unfollowGroup(id, memberID, tx)
            effects.publish(GroupMembershipChanged(groupID: id, memberID: memberID, role: nil, changedBy: managerID, occurredAt: engine.clock.now()))
            return true
        }
    }

    /// Makes a member a manager or a plain member (owner only), or hands ownership over
    /// (the old owner becomes a manager).
    public func setRole(_ role: GroupMembership.Role, for memberID: ID<User>, in id: ID<CommunityGroup>, by ownerID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            guard var group = try tx.value(id) else { throw EngagementError.unknownGroup(id) }
            guard group.ownerID == ownerID else { throw EngagementError.notAllowed(action: "change roles in", subject: "group \(id)") }
            guard var m = try tx.value(GroupMembership.id(group: id, member: memberID)) else {
                throw EngagementError.conflict("\(memberID) is not a member of \(id)")
            }
            let now = engine.clock.now()
            if role == .owner {
                guard memberID != ownerID else { return true }
                guard var old = try tx.value(GroupMembership.id(group: id, member: ownerID)) else {
                    throw EngagementError.conflict("the owner \(ownerID) of \(id) has no membership")
                }
                old.role = .manager
                try tx.put(old)
                group.ownerID = memberID
                try tx.put(group)
                effects.publish(GroupMembershipChanged(groupID: id, memberID: ownerID, role: .manager, changedBy: ownerID, occurredAt: now))
            } else if memberID == ownerID {
                throw EngagementError.notAllowed(action: "demote", subject: "the owner (hand ownership over first)")
            }
            m.role = role
            try tx.put(m)
            effects.publish(GroupMembershipChanged(groupID: id, memberID: memberID, role: role, changedBy: ownerID, occurredAt: now))
            return true
        }
    }

    /// Changes settings (owners and managers): visibility, member limit, post approval, archive.
    @discardableResult
    public func update(
        _ id: ID<CommunityGroup>, by managerID: ID<User>, _ change: (inout CommunityGroup) -> Void
    ) throws -> CommunityGroup {
        try engine.perform { tx, effects in
            try requireManager(id, managerID, tx)
            guard var group = try tx.value(id) else { throw EngagementError.unknownGroup(id) }
            let before = group
            change(&group)
            group.id = before.id
            group.ownerID = before.ownerID
            group.createdAt = before.createdAt
            try engine.checkText(group.name, field: "CommunityGroup.Name", max: 80)
            if let limit = group.memberLimit, limit < 1 {
                throw EngagementError.invalid(ValidationError(field: "CommunityGroup.MemberLimit", reason: .outOfRange("\(limit)")))
            }
            try tx.put(group)
            var what: [String] = []
            if before.isArchived != group.isArchived { what.append(group.isArchived ? "archived" : "unarchived") }
            if before.visibility != group.visibility { what.append("visibility") }
            if before.memberLimit != group.memberLimit { what.append("memberLimit") }
            if before.requiresPostApproval != group.requiresPostApproval { what.append("postApproval") }
            if before.name != group.name || before.summary != group.summary { what.append("details") }
            effects.publish(GroupChanged(groupID: id, changedBy: managerID, change: what.joined(separator: ","), occurredAt: engine.clock.now()))
            return group
        }
    }

    /// Archives a group: it stays readable, nobody can post, join or comment.
    public func archive(_ id: ID<CommunityGroup>, by managerID: ID<User>) throws {
        try update(id, by: managerID) { $0.isArchived = true }
    }

    /// Pins an announcement (owners and managers) until `expiresAt`.
    public func announce(_ text: String, in id: ID<CommunityGroup>, until expiresAt: Date, by managerID: ID<User>) throws {
        let html = try engine.sanitize(text, field: "Announcement.Text")
        try engine.perform { tx, effects -> Bool? in
            try requireManager(id, managerID, tx)
            guard var group = try tx.value(id) else { throw EngagementError.unknownGroup(id) }
            if group.isArchived { throw EngagementError.groupArchived(id) }
            let now = engine.clock.now()
            guard expiresAt > now else {
                throw EngagementError.invalid(ValidationError(field: "Announcement.ExpiresAt", reason: .invalidValue("in the past")))
            }
            group.announcement = CommunityGroup.Announcement(text: html, postedBy: managerID, postedAt: now, expiresAt: expiresAt)
            try tx.put(group)
            effects.publish(GroupChanged(groupID: id, changedBy: managerID, change: "announcement", occurredAt: now))
            return true
        }
    }

    /// The current (unexpired) announcement, for those who may see the group's feed.
    public func announcement(of id: ID<CommunityGroup>, viewer: ID<User>) throws -> CommunityGroup.Announcement? {
        guard engine.canSeeFeed(of: id, viewer: viewer), let g = try engine.store.snapshot().value(id) else {
            throw EngagementError.unknownGroup(id)
        }
        guard let a = g.announcement, a.expiresAt > engine.clock.now() else { return nil }
        return a
    }

    /// Files shared in the group's feed, newest first.
    public func files(of id: ID<CommunityGroup>, viewer: ID<User>, limit: Int = 50) throws -> [FeedItem] {
        var out: [FeedItem] = []
        var cursor: FeedCursor?
        repeat {
            let page = try engine.feeds.feed(.group(id), viewer: viewer, after: cursor, limit: 200)
            out += page.items.filter { $0.kind == .file }
            cursor = page.next
        } while cursor != nil && out.count < limit
        return Array(out.prefix(limit))
    }

    // MARK: Helpers

    private func usable(_ id: ID<CommunityGroup>, viewer: ID<User>, _ reader: any StoreReader) throws -> CommunityGroup {
        guard let group = try reader.value(id) else { throw EngagementError.unknownGroup(id) }
        if group.visibility == .unlisted, !engine.index.isMember(viewer, of: id) {
            let role = try reader.value(GroupMembership.id(group: id, member: viewer))?.role
            if role == nil { throw EngagementError.unknownGroup(id) }
        }
        if group.isArchived { throw EngagementError.groupArchived(id) }
        return group
    }

    @discardableResult
    private func requireManager(_ id: ID<CommunityGroup>, _ member: ID<User>, _ reader: any StoreReader) throws -> GroupMembership.Role {
        guard try reader.value(id) != nil else { throw EngagementError.unknownGroup(id) }
        guard let role = try reader.value(GroupMembership.id(group: id, member: member))?.role, role >= .manager else {
            throw EngagementError.notAllowed(action: "manage", subject: "group \(id)")
        }
        return role
    }

    private func add(
        _ memberID: ID<User>, to group: CommunityGroup, role: GroupMembership.Role, by actor: ID<User>,
        _ tx: any StoreTransaction, _ effects: WriteEffects
    ) throws {
        if try tx.value(GroupMembership.id(group: group.id, member: memberID)) != nil {
            throw EngagementError.conflict("\(memberID) is already a member of \(group.id)")
        }
        if let limit = group.memberLimit {
            let count = try tx.query(Query<GroupMembership>().where("groupID", equals: .reference(group.id.rawValue))).count
            if count >= limit { throw EngagementError.groupFull(group.id, limit: limit) }
        }
        let now = engine.clock.now()
        try tx.put(GroupMembership(groupID: group.id, memberID: memberID, role: role, joinedAt: now), expecting: .absent)
        try followGroup(group.id, memberID, tx)
        effects.publish(GroupMembershipChanged(groupID: group.id, memberID: memberID, role: role, changedBy: actor, occurredAt: now))
    }
}
