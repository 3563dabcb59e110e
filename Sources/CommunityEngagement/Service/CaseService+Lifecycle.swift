public import CommunityModel
import Foundation

extension CaseService {
    /// Moves a case to another status, if the lifecycle allows it and `user` may edit the case.
    @discardableResult
    public func changeStatus(_ id: ID<Case>, to status: String, by user: ID<User>) throws -> Case {
        guard configuration.lifecycle.statuses.contains(status) else { throw CaseError.unknownStatus(status) }
        let (updated, old) = try environment.store.write { tx -> (Case, String) in
            guard var record = try tx.value(id) else { throw CaseError.unknownCase(id) }
            try environment.require(.edit, user: user, record: record, in: tx)
            let old = record.status
            try move(&record, to: status, actor: user, reason: nil, in: tx)
            return (record, old)
        }
        environment.bus.publish(CaseStatusChanged(caseID: id, from: old, to: status, actor: user, occurredAt: now))
        return updated
    }

    /// Moves `record` to `status` inside `tx`, recording history and closure time.
    func move(
        _ record: inout Case, to status: String, actor: ID<User>?, reason: String?, in tx: any StoreTransaction
    ) throws {
        let lifecycle = configuration.lifecycle
        guard lifecycle.allows(from: record.status, to: status) else {
            throw CaseError.illegalTransition(case: record.id, from: record.status, to: status)
        }
        guard var tracking = try tx.value(CaseTracking.id(for: record.id)) else {
            throw CaseError.unknownCase(record.id)
        }
        let old = record.status
        record.status = status
        tracking.closedAt = lifecycle.isClosed(status) ? now : nil
        try tx.put(record)
        try appendHistory(&tracking, field: "Status", old: old, new: status, actor: actor, reason: reason, in: tx)
        try tx.put(tracking)
    }

    /// Adds a comment. Public comments by anyone other than the member who raised the case
    /// count as the first response; external users may only write public comments and need
    /// read access, internal comments need edit access.
    @discardableResult
    public func addComment(_ id: ID<Case>, body: String, isPublic: Bool, by user: ID<User>) throws -> CaseComment {
        do { try Check.text(body, field: "CaseComment.Body", max: 4_000) } catch { throw CaseError.invalid(error) }
        return try environment.store.write { tx in
            guard let record = try tx.value(id) else { throw CaseError.unknownCase(id) }
            guard let author = try tx.value(user) else { throw CaseError.unknownUser(user) }
            if author.kind.isExternal || author.kind == .guest {
                guard isPublic else { throw CaseError.internalCommentByExternalUser(user) }
                try environment.require(.read, user: user, record: record, in: tx)
            } else {
                try environment.require(.edit, user: user, record: record, in: tx)
            }
            // A case written to the store directly (imported, seeded) gets its tracking on first activity.
            var tracking = try tx.value(CaseTracking.id(for: id)) ?? CaseTracking(caseID: id, raisedBy: nil, supportLevel: "")
            tracking.commentCount += 1
            let comment = CaseComment(
                id: .generate(prefix: "ccm"), caseID: id, authorID: user, body: body, isPublic: isPublic,
                createdAt: now, sequence: tracking.commentCount)
            try tx.put(comment, expecting: .absent)
            if isPublic, !author.kind.isExternal, tracking.firstResponseAt == nil, tracking.raisedBy != user {
                tracking.firstResponseAt = now
                try appendHistory(
                    &tracking, field: "FirstResponse", old: nil, new: comment.id.rawValue, actor: user, reason: nil,
                    in: tx)
            }
            try tx.put(tracking)
            return comment
        }
    }

    /// The case's comments `viewer` may see, oldest first: external users see public ones only.
    public func comments(of id: ID<Case>, viewer: ID<User>) throws -> [CaseComment] {
        _ = try self.case(id, viewer: viewer)
        let reader = environment.store.snapshot()
        let external = try reader.value(viewer).map { $0.kind != .internal } ?? true
        return try reader.query(Query<CaseComment>().where("caseID", equals: .reference(id.rawValue)))
            .map(\.value).filter { $0.isPublic || !external }
            .sorted { $0.sequence < $1.sequence }
    }

    // MARK: Queues

    /// Cases a queue owns, oldest first, for its members to pick.
    public func queueCases(_ queue: ID<Queue>, viewer: ID<User>) throws -> [Case] {
        let reader = environment.store.snapshot()
        return try reader.query(Query<Case>().where("owner", equals: .reference(Owner.queue(queue).description)))
            .map(\.value)
            .filter {
                guard !configuration.lifecycle.isClosed($0.status) else { return false }
                return try environment.access.isAllowed(.read, user: viewer, record: $0, in: reader)
            }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// A queue member takes a queue-owned case. Two members picking at once: one wins,
    /// the other gets ``CaseError/cannotPick(case:user:)``.
    @discardableResult
    public func pick(_ id: ID<Case>, by user: ID<User>) throws -> Case {
        try environment.store.write { tx in
            guard var record = try tx.value(id) else { throw CaseError.unknownCase(id) }
            guard let queue = record.owner.queue,
                try environment.directory.members(of: queue, in: tx).contains(user)
            else { throw CaseError.cannotPick(case: id, user: user) }
            try environment.require(.read, user: user, record: record, in: tx)
            guard var tracking = try tx.value(CaseTracking.id(for: id)) else { throw CaseError.unknownCase(id) }
            let old = record.owner
            record.owner = .user(user)
            try tx.put(record)
            try appendHistory(
                &tracking, field: "OwnerId", old: old.description, new: record.owner.description, actor: user,
                reason: "picked from queue", in: tx)
            try tx.put(tracking)
            return record
        }
    }
}
