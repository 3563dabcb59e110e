public import CommunityModel
import Foundation

/// Support cases: portal intake with article deflection, lifecycle, comments, history,
/// assignment, escalation, entitlements, question escalations and surveys.
///
/// Every read and write by a user is checked by the environment's ``RecordAccessPolicy``;
/// each write is one store transaction; events are published after commit.
public final class CaseService: Sendable {
    /// The shared environment.
    public let environment: ServiceEnvironment
    /// The site's support configuration.
    public let configuration: CaseServiceConfiguration
    let suggester: (any ArticleSuggesting)?
    let files: (any CaseFileStore)?

    /// Creates the service; the configuration is validated.
    public init(
        environment: ServiceEnvironment, configuration: CaseServiceConfiguration,
        suggester: (any ArticleSuggesting)? = nil, files: (any CaseFileStore)? = nil
    ) throws(CaseError) {
        try configuration.validate()
        self.environment = environment
        self.configuration = configuration
        self.suggester = suggester
        self.files = files
    }

    var now: Date { environment.clock.now() }

    // MARK: Creating

    /// Creates a case from the portal for `member` (contact and account come from the user).
    ///
    /// Attachments are stored through the ``CaseFileStore`` first and removed again if the case
    /// cannot be saved. Pass the deflection session the member came from to close it.
    @discardableResult
    public func submit(
        _ draft: CaseDraft, by member: ID<User>, session: ID<DeflectionSession>? = nil
    ) throws -> Case {
        let reader = environment.store.snapshot()
        guard let user = try reader.value(member) else { throw CaseError.unknownUser(member) }
        let caseID = ID<Case>.generate(prefix: "case")
        var record = Case(
            id: caseID, subject: draft.subject, description: draft.description, accountID: user.accountID,
            contactID: user.contactID, status: configuration.lifecycle.initialStatus, priority: draft.priority,
            origin: user.kind.isExternal ? .community : .web, product: draft.product, createdAt: now,
            owner: .user(member), customFields: draft.customFields, siteID: draft.site)
        do { try record.validate() } catch { throw CaseError.invalid(error) }
        try environment.require(.create, user: member, record: record, in: reader)
        var stored: [String] = []
        if !draft.attachments.isEmpty {
            guard let files else {
                throw CaseError.invalidConfiguration("attachments need a CaseFileStore")
            }
            do {
                for upload in draft.attachments { stored.append(try files.store(upload, owner: member, caseID: caseID)) }
            } catch {
                for id in stored { try? files.remove(id) }
                throw error
            }
        }
        do {
            record = try environment.store.write { tx in
                var tracking = CaseTracking(caseID: caseID, raisedBy: member, supportLevel: "")
                tracking.attachmentIDs = stored
                let created = try open(record, tracking: tracking, actor: member, in: tx)
                if let session { try endSession(session, of: member, caseID: caseID, in: tx) }
                return created
            }
        } catch {
            for id in stored { try? files?.remove(id) }
            throw error
        }
        publishOpened(record)
        return record
    }

    /// Inserts a new case inside `tx`: support level, assignment, tracking and history.
    func open(_ draft: Case, tracking: CaseTracking, actor: ID<User>?, in tx: any StoreTransaction) throws -> Case {
        var record = draft
        let account = try record.accountID.flatMap { try tx.value($0) }
        var tracking = tracking
        tracking.supportLevel = supportLevel(for: account).name
        var reason: String?
        if let rule = CaseAssignmentRule.first(in: configuration.assignmentRules, for: record, account: account) {
            reason = rule.name
            switch rule.target {
            case .user(let user): record.owner = .user(user)
            case .queue(let queue): record.owner = .queue(queue)
            case .roundRobin(let queue):
                let members = try environment.directory.members(of: queue, in: tx)
                if let next = try QueueRotation.next(for: queue, members: members, in: tx) {
                    record.owner = .user(next)
                } else {
                    record.owner = .queue(queue)
                }
            }
        } else if let owner = configuration.defaultOwner {
            record.owner = owner
        } else if let actor {
            record.owner = .user(actor)
        } else {
            throw CaseError.invalidConfiguration("no assignment rule matched and there is no default owner")
        }
        try tx.put(record, expecting: .absent)
        try shareWithRaiser(record, raisedBy: tracking.raisedBy, in: tx)
        try appendHistory(
            &tracking, field: "Created", old: nil, new: record.status, actor: actor, reason: nil, in: tx)
        try appendHistory(
            &tracking, field: "OwnerId", old: nil, new: record.owner.description, actor: nil, reason: reason, in: tx)
        try tx.put(tracking, expecting: .absent)
        return record
    }

    func publishOpened(_ record: Case) {
        environment.bus.publish(CaseOpened(caseID: record.id, origin: record.origin, owner: record.owner, occurredAt: now))
    }

    /// The support level whose targets apply to an account's cases.
    public func supportLevel(for account: Account?) -> SupportLevel {
        let name = account?.value(of: "SupportLevel")?.description
        return configuration.supportLevels.first { $0.name == name }
            ?? configuration.supportLevels.first { $0.name == configuration.defaultSupportLevel }!
    }

    func appendHistory(
        _ tracking: inout CaseTracking, field: String, old: String?, new: String?, actor: ID<User>?, reason: String?,
        in tx: any StoreTransaction
    ) throws {
        tracking.historyCount += 1
        try tx.put(
            CaseHistoryEntry(
                caseID: tracking.caseID, actorID: actor, field: field, oldValue: old, newValue: new, reason: reason,
                at: now, sequence: tracking.historyCount), expecting: .absent)
    }

    // MARK: Reading

    /// The case, if `viewer` may read it.
    public func `case`(_ id: ID<Case>, viewer: ID<User>) throws -> Case {
        let reader = environment.store.snapshot()
        guard let record = try reader.value(id) else { throw CaseError.unknownCase(id) }
        try environment.require(.read, user: viewer, record: record, in: reader)
        return record
    }

    /// Every case `viewer` may read, newest first.
    public func visibleCases(viewer: ID<User>) throws -> [Case] {
        let reader = environment.store.snapshot()
        return try reader.query(Query<Case>().ordered(by: "createdAt", descending: true)).map(\.value).filter {
            try environment.access.isAllowed(.read, user: viewer, record: $0, in: reader)
        }
    }

    /// The case's tracking data (support level, first response, attachments, question link).
    public func tracking(of id: ID<Case>, viewer: ID<User>) throws -> CaseTracking {
        _ = try self.case(id, viewer: viewer)
        guard let tracking = try environment.store.snapshot().value(CaseTracking.id(for: id)) else {
            throw CaseError.unknownCase(id)
        }
        return tracking
    }

    /// The case's history, oldest first.
    public func history(of id: ID<Case>, viewer: ID<User>) throws -> [CaseHistoryEntry] {
        _ = try self.case(id, viewer: viewer)
        return try environment.store.snapshot()
            .query(Query<CaseHistoryEntry>().where("caseID", equals: .reference(id.rawValue)))
            .map(\.value).sorted { $0.sequence < $1.sequence }
    }

    /// The entitlement milestones of a case, computed now.
    public func milestones(of id: ID<Case>, viewer: ID<User>) throws -> [Milestone] {
        let record = try self.case(id, viewer: viewer)
        guard let tracking = try environment.store.snapshot().value(CaseTracking.id(for: id)) else {
            throw CaseError.unknownCase(id)
        }
        return milestones(record, tracking: tracking, at: now)
    }

    func milestones(_ record: Case, tracking: CaseTracking, at now: Date) -> [Milestone] {
        let level = configuration.supportLevels.first { $0.name == tracking.supportLevel }
            ?? supportLevel(for: nil)
        return [
            Milestone.evaluate(
                kind: .firstResponse, target: level.firstResponse, warningFraction: level.warningFraction,
                start: record.createdAt, completedAt: tracking.firstResponseAt, now: now,
                hours: configuration.businessHours),
            Milestone.evaluate(
                kind: .resolution, target: level.resolution, warningFraction: level.warningFraction,
                start: record.createdAt, completedAt: tracking.closedAt, now: now, hours: configuration.businessHours),
        ]
    }
}
