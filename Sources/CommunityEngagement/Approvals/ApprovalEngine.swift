public import CommunityModel
public import Foundation
import Synchronization

/// Runs approval processes: submit, approve, reject, recall, delegate, with history.
///
/// Decisions use optimistic concurrency: an approver's decision is computed from a snapshot
/// and written only if the request still has the version read, so when several approvers act
/// on the same request at once exactly one wins and the others get
/// ``ApprovalError/concurrentDecision(_:)`` (or ``ApprovalError/notPending(_:status:)``).
public final class ApprovalEngine: Sendable {
    /// The shared environment.
    public let environment: ServiceEnvironment
    private let processes = Mutex<[String: ApprovalProcess]>([:])

    /// Creates an engine with no processes.
    public init(environment: ServiceEnvironment) {
        self.environment = environment
    }

    /// Registers a process; its name must be new and it needs at least one step.
    public func register(_ process: ApprovalProcess) throws(ApprovalError) {
        guard !process.steps.isEmpty, process.steps.allSatisfy({ !$0.approvers.isEmpty }) else {
            throw .invalidProcess(name: process.name, reason: "needs steps, each with an approver")
        }
        let added = processes.withLock { table -> Bool in
            guard table[process.name] == nil else { return false }
            table[process.name] = process
            return true
        }
        guard added else { throw .invalidProcess(name: process.name, reason: "already registered") }
    }

    /// The registered process with this name.
    public func process(named name: String) -> ApprovalProcess? { processes.withLock { $0[name] } }

    // MARK: Submitting

    /// Submits `item` to the named process in its own transaction.
    @discardableResult
    public func submit(
        _ item: ApprovalItem, to processName: String, by submitter: ID<User>, comment: String = ""
    ) throws -> ApprovalRequest {
        let request = try environment.store.write { tx in
            try submit(item, to: processName, by: submitter, comment: comment, in: tx)
        }
        publish(request, action: .submitted, actor: submitter)
        return request
    }

    /// Submits `item` inside the caller's transaction (so the item and its request commit
    /// together). The caller publishes its own event; no ``ApprovalDecided`` is sent.
    public func submit(
        _ item: ApprovalItem, to processName: String, by submitter: ID<User>, comment: String = "",
        in tx: any StoreTransaction
    ) throws -> ApprovalRequest {
        guard process(named: processName) != nil else { throw ApprovalError.unknownProcess(processName) }
        try Self.check(comment)
        let pending = try tx.query(
            Query<ApprovalRequest>().where("item", equals: .text(item.description))
                .where("status", equals: .picklist(ApprovalRequest.Status.pending.rawValue)))
        if let existing = pending.first {
            throw ApprovalError.alreadyPending(item: item, request: existing.value.id)
        }
        let now = environment.clock.now()
        let request = ApprovalRequest(
            id: .generate(prefix: "apr"), processName: processName, item: item, submitterID: submitter,
            status: .pending, stepIndex: 0, submittedAt: now, decidedAt: nil,
            history: [.init(action: .submitted, actor: submitter, onBehalfOf: nil, step: 0, comment: comment, at: now)])
        try tx.put(request, expecting: .absent)
        return request
    }

    // MARK: Deciding

    /// Approves the current step; the last step's approval runs the process's final action.
    @discardableResult
    public func approve(_ id: ID<ApprovalRequest>, by user: ID<User>, comment: String = "") throws -> ApprovalRequest {
        try decide(id, by: user, comment: comment, approve: true)
    }

    /// Rejects the request at its current step and runs the process's rejection action.
    @discardableResult
    public func reject(_ id: ID<ApprovalRequest>, by user: ID<User>, comment: String = "") throws -> ApprovalRequest {
        try decide(id, by: user, comment: comment, approve: false)
    }

    /// The submitter withdraws a pending request; the process's recall action runs.
    @discardableResult
    public func recall(_ id: ID<ApprovalRequest>, by user: ID<User>, comment: String = "") throws -> ApprovalRequest {
        try Self.check(comment)
        let (current, version, process) = try load(id)
        guard current.submitterID == user else { throw ApprovalError.notSubmitter(user: user, request: id) }
        let now = environment.clock.now()
        var updated = current
        updated.status = .recalled
        updated.decidedAt = now
        updated.history.append(
            .init(action: .recalled, actor: user, onBehalfOf: nil, step: current.stepIndex, comment: comment, at: now))
        try commit(updated, expecting: version) { tx in
            try process.onRecall(ApprovalOutcome(request: updated, actor: user, at: now, transaction: tx))
        }
        publish(updated, action: .recalled, actor: user)
        return updated
    }

    private func decide(_ id: ID<ApprovalRequest>, by user: ID<User>, comment: String, approve: Bool) throws
        -> ApprovalRequest
    {
        try Self.check(comment)
        let (current, version, process) = try load(id)
        let reader = environment.store.snapshot()
        let now = environment.clock.now()
        let step = process.steps[min(current.stepIndex, process.steps.count - 1)]
        guard let principal = try actingFor(user, step: step, request: current, reader: reader, at: now) else {
            throw ApprovalError.notAnApprover(user: user, request: id, step: current.stepIndex)
        }
        var updated = current
        let onBehalf = principal == user ? nil : principal
        let isFinal = !approve || current.stepIndex + 1 >= process.steps.count
        updated.history.append(
            .init(
                action: approve ? .approved : .rejected, actor: user, onBehalfOf: onBehalf, step: current.stepIndex,
                comment: comment, at: now))
        if approve, !isFinal {
            updated.stepIndex += 1
        } else {
            updated.status = approve ? .approved : .rejected
            updated.decidedAt = now
        }
        try commit(updated, expecting: version) { tx in
            guard isFinal else { return }
            let outcome = ApprovalOutcome(request: updated, actor: user, at: now, transaction: tx)
            if approve { try process.onFinalApproval(outcome) } else { try process.onRejection(outcome) }
        }
        publish(updated, action: approve ? .approved : .rejected, actor: user)
        if approve, !isFinal { notifyApprovers(updated, process: process) }
        return updated
    }

    private func load(_ id: ID<ApprovalRequest>) throws -> (ApprovalRequest, Int, ApprovalProcess) {
        guard let stored = try environment.store.snapshot().get(id) else { throw ApprovalError.unknownRequest(id) }
        guard stored.value.status == .pending else {
            throw ApprovalError.notPending(id, status: stored.value.status)
        }
        guard let process = process(named: stored.value.processName) else {
            throw ApprovalError.unknownProcess(stored.value.processName)
        }
        return (stored.value, stored.version, process)
    }

    private func commit(
        _ updated: ApprovalRequest, expecting version: Int, then action: (any StoreTransaction) throws -> Void
    ) throws {
        do {
            try environment.store.write { tx in
                try tx.put(updated, expecting: .exactly(version))
                try action(tx)
            }
        } catch let error as StoreError {
            if case .conflict(let entity, let rawID, _, _) = error, entity == ApprovalRequest.entityType,
                rawID == updated.id.rawValue
            {
                throw ApprovalError.concurrentDecision(updated.id)
            }
            throw error
        }
    }

    // MARK: Who may act

    /// The users who may act on the request's current step themselves (before delegation).
    public func approvers(of request: ApprovalRequest, in reader: any StoreReader) throws -> [ID<User>] {
        guard let process = process(named: request.processName), request.status == .pending else { return [] }
        return try approvers(of: process.steps[request.stepIndex], request: request, reader: reader)
    }

    private func approvers(of step: ApprovalStep, request: ApprovalRequest, reader: any StoreReader) throws
        -> [ID<User>]
    {
        var result: [ID<User>] = []
        for approver in step.approvers {
            switch approver {
            case .user(let id):
                if let user = try reader.value(id), user.isActive { result.append(id) }
            case .role(let role): result += try environment.directory.users(in: role, in: reader)
            case .queue(let queue): result += try environment.directory.members(of: queue, in: reader)
            case .submittersManager:
                if let manager = try reader.value(request.submitterID)?.managerID,
                    let user = try reader.value(manager), user.isActive
                {
                    result.append(manager)
                }
            }
        }
        var seen = Set<ID<User>>()
        return result.filter { seen.insert($0).inserted }
    }

    /// The approver `user` acts for: themselves, or an approver who delegated to them.
    private func actingFor(
        _ user: ID<User>, step: ApprovalStep, request: ApprovalRequest, reader: any StoreReader, at now: Date
    ) throws -> ID<User>? {
        let eligible = try approvers(of: step, request: request, reader: reader)
        if eligible.contains(user) { return user }
        for approver in eligible {
            if let delegation = try reader.value(ApprovalDelegation.id(for: approver)),
                delegation.delegateID == user, delegation.isActive(at: now)
            {
                return approver
            }
        }
        return nil
    }

    /// Pending requests `user` may act on now (directly or as a delegate), oldest first.
    public func pendingRequests(for user: ID<User>) throws -> [ApprovalRequest] {
        let reader = environment.store.snapshot()
        let now = environment.clock.now()
        let pending = try reader.query(
            Query<ApprovalRequest>().where("status", equals: .picklist(ApprovalRequest.Status.pending.rawValue)))
        return try pending.map(\.value).filter { request in
            guard let process = process(named: request.processName) else { return false }
            let step = process.steps[request.stepIndex]
            return try actingFor(user, step: step, request: request, reader: reader, at: now) != nil
        }.sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
    }

    /// Every request ever made for an item, oldest first (the item's approval history).
    public func requests(for item: ApprovalItem) throws -> [ApprovalRequest] {
        try environment.store.snapshot().query(Query<ApprovalRequest>().where("item", equals: .text(item.description)))
            .map(\.value).sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
    }

    // MARK: Delegation

    /// Lets `delegate` act for `user` between `from` and `until`.
    public func delegate(
        from user: ID<User>, to delegate: ID<User>, starting from: Date? = nil, until: Date? = nil
    ) throws {
        try environment.store.write { tx in
            guard user != delegate, try tx.value(user) != nil, try tx.value(delegate) != nil else {
                throw ApprovalError.invalidDelegation(user: user, delegate: delegate)
            }
            try tx.put(ApprovalDelegation(userID: user, delegateID: delegate, from: from, until: until))
        }
    }

    /// Ends `user`'s delegation.
    public func removeDelegation(of user: ID<User>) throws {
        try environment.store.write { tx in try tx.delete(ApprovalDelegation.id(for: user)) }
    }

    // MARK: Helpers

    private static func check(_ comment: String) throws(ApprovalError) {
        if comment.count > 4000 { throw .commentTooLong(comment.count) }
    }

    private func publish(_ request: ApprovalRequest, action: ApprovalRequest.Action, actor: ID<User>) {
        environment.bus.publish(
            ApprovalDecided(
                requestID: request.id, processName: request.processName, item: request.item, action: action,
                status: request.status, actor: actor, occurredAt: environment.clock.now()))
        if action == .submitted, let process = process(named: request.processName) {
            notifyApprovers(request, process: process)
        }
    }

    private func notifyApprovers(_ request: ApprovalRequest, process: ApprovalProcess) {
        let reader = environment.store.snapshot()
        guard let users = try? approvers(of: process.steps[request.stepIndex], request: request, reader: reader)
        else { return }
        for user in users {
            environment.notifier.notify(
                ServiceNotice(
                    recipient: user, title: "Approval requested: \(process.name)", recordType: request.item.entityType,
                    recordID: request.item.id, sentAt: environment.clock.now()))
        }
    }
}
