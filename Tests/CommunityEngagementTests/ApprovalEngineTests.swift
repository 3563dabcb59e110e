import CommunityEngagement
import CommunityModel
import Foundation
import Synchronization
import Testing

/// A record to approve in these tests: a plain entity with a status the actions set.
struct Expense: Entity, Hashable {
    static let entityType: EntityType = "TestExpense"
    var id: ID<Expense>
    var status: String
}

@Suite("Approval processes")
struct ApprovalEngineTests {
    let fixture = ServiceFixture()

    func engine(
        steps: [ApprovalStep], approved: Counter = Counter(), failOnApproval: Bool = false
    ) throws -> ApprovalEngine {
        let engine = ApprovalEngine(environment: fixture.environment)
        try engine.register(
            ApprovalProcess(
                name: "expense", steps: steps,
                onFinalApproval: { outcome in
                    approved.increment()
                    let id = outcome.request.item.id(as: Expense.self)!
                    try outcome.transaction.put(Expense(id: id, status: "approved"))
                    if failOnApproval { throw ApprovalError.invalidProcess(name: "expense", reason: "payment system down") }
                },
                onRejection: { outcome in
                    try outcome.transaction.put(Expense(id: outcome.request.item.id(as: Expense.self)!, status: "rejected"))
                },
                onRecall: { outcome in
                    try outcome.transaction.put(Expense(id: outcome.request.item.id(as: Expense.self)!, status: "draft"))
                }))
        fixture.put(Expense(id: "e1", status: "submitted"))
        return engine
    }

    @Test func multiStepApprovalRunsFinalActionOnLastStepOnly() throws {
        let counter = Counter()
        let engine = try engine(
            steps: [
                ApprovalStep(name: "Manager", approvers: [.submittersManager]),
                ApprovalStep(name: "HR", approvers: [.role("hr")]),
                ApprovalStep(name: "Tier 2", approvers: [.queue("tier2")]),
            ], approved: counter)
        let request = try engine.submit(ApprovalItem(ID<Expense>("e1")), to: "expense", by: "agent1", comment: "trip")
        #expect(try engine.pendingRequests(for: "boss").map(\.id) == [request.id])
        #expect(try engine.pendingRequests(for: "hr1").isEmpty)

        var after = try engine.approve(request.id, by: "boss", comment: "ok")
        #expect(after.status == .pending && after.stepIndex == 1)
        #expect(counter.count == 0)
        #expect(throws: ApprovalError.notAnApprover(user: "boss", request: request.id, step: 1)) {
            try engine.approve(request.id, by: "boss")
        }
        after = try engine.approve(request.id, by: "hr1")
        #expect(after.stepIndex == 2)
        after = try engine.approve(request.id, by: "agent3")
        #expect(after.status == .approved)
        #expect(counter.count == 1)
        #expect(fixture.value(ID<Expense>("e1"))?.status == "approved")
        #expect(after.history.map(\.action) == [.submitted, .approved, .approved, .approved])
        #expect(after.history.map(\.actor) == ["agent1", "boss", "hr1", "agent3"])
        #expect(after.history[1].comment == "ok")
        #expect(throws: ApprovalError.notPending(request.id, status: .approved)) {
            try engine.reject(request.id, by: "agent3")
        }
        #expect(fixture.notifier.delivered(to: "boss").count == 1)
        #expect(fixture.notifier.delivered(to: "hr1").count == 1)
    }

    @Test func rejectionRunsRejectionAction() throws {
        let engine = try engine(steps: [ApprovalStep(name: "HR", approvers: [.role("hr")])])
        let request = try engine.submit(ApprovalItem(ID<Expense>("e1")), to: "expense", by: "agent1")
        let rejected = try engine.reject(request.id, by: "hr1", comment: "no receipt")
        #expect(rejected.status == .rejected)
        #expect(rejected.history.last?.comment == "no receipt")
        #expect(fixture.value(ID<Expense>("e1"))?.status == "rejected")
    }

    @Test func recallBySubmitterOnly() throws {
        let engine = try engine(steps: [ApprovalStep(name: "HR", approvers: [.role("hr")])])
        let request = try engine.submit(ApprovalItem(ID<Expense>("e1")), to: "expense", by: "agent1")
        #expect(throws: ApprovalError.notSubmitter(user: "hr1", request: request.id)) {
            try engine.recall(request.id, by: "hr1")
        }
        let recalled = try engine.recall(request.id, by: "agent1", comment: "wrong amount")
        #expect(recalled.status == .recalled)
        #expect(fixture.value(ID<Expense>("e1"))?.status == "draft")
        // After a recall the item may be submitted again.
        fixture.clock.advance(by: 60)
        let again = try engine.submit(ApprovalItem(ID<Expense>("e1")), to: "expense", by: "agent1")
        #expect(try engine.requests(for: ApprovalItem(ID<Expense>("e1"))).map(\.id) == [request.id, again.id])
    }

    @Test func oneRequestPendingPerItem() throws {
        let engine = try engine(steps: [ApprovalStep(name: "HR", approvers: [.role("hr")])])
        let request = try engine.submit(ApprovalItem(ID<Expense>("e1")), to: "expense", by: "agent1")
        #expect(throws: ApprovalError.alreadyPending(item: ApprovalItem(ID<Expense>("e1")), request: request.id)) {
            try engine.submit(ApprovalItem(ID<Expense>("e1")), to: "expense", by: "agent2")
        }
        #expect(throws: ApprovalError.unknownProcess("nope")) {
            try engine.submit(ApprovalItem(ID<Expense>("e1")), to: "nope", by: "agent2")
        }
        #expect(throws: ApprovalError.commentTooLong(4001)) {
            try engine.approve(request.id, by: "hr1", comment: String(repeating: "x", count: 4001))
        }
        #expect(throws: ApprovalError.unknownRequest("apr_missing")) { try engine.approve("apr_missing", by: "hr1") }
    }

    @Test func invalidProcessesAreRefused() throws {
        let engine = ApprovalEngine(environment: fixture.environment)
        #expect(throws: ApprovalError.invalidProcess(name: "empty", reason: "needs steps, each with an approver")) {
            try engine.register(ApprovalProcess(name: "empty", steps: []))
        }
        try engine.register(ApprovalProcess(name: "p", steps: [ApprovalStep(name: "s", approvers: [.user("boss")])]))
        #expect(throws: ApprovalError.invalidProcess(name: "p", reason: "already registered")) {
            try engine.register(ApprovalProcess(name: "p", steps: [ApprovalStep(name: "s", approvers: [.user("boss")])]))
        }
    }

    @Test func delegateActsWhileDelegationIsActive() throws {
        let engine = try engine(steps: [ApprovalStep(name: "Boss", approvers: [.user("boss")])])
        let request = try engine.submit(ApprovalItem(ID<Expense>("e1")), to: "expense", by: "agent1")
        #expect(throws: ApprovalError.notAnApprover(user: "agent2", request: request.id, step: 0)) {
            try engine.approve(request.id, by: "agent2")
        }
        let start = fixture.clock.now()
        try engine.delegate(from: "boss", to: "agent2", starting: start.addingTimeInterval(3600), until: start.addingTimeInterval(7200))
        #expect(throws: ApprovalError.notAnApprover(user: "agent2", request: request.id, step: 0)) {
            try engine.approve(request.id, by: "agent2")  // not yet active
        }
        fixture.clock.advance(by: 3600)
        #expect(try engine.pendingRequests(for: "agent2").map(\.id) == [request.id])
        let approved = try engine.approve(request.id, by: "agent2")
        #expect(approved.status == .approved)
        #expect(approved.history.last?.actor == "agent2")
        #expect(approved.history.last?.onBehalfOf == "boss")
        #expect(throws: ApprovalError.invalidDelegation(user: "boss", delegate: "boss")) {
            try engine.delegate(from: "boss", to: "boss")
        }
    }

    @Test func delegationExpires() throws {
        let engine = try engine(steps: [ApprovalStep(name: "Boss", approvers: [.user("boss")])])
        let request = try engine.submit(ApprovalItem(ID<Expense>("e1")), to: "expense", by: "agent1")
        try engine.delegate(from: "boss", to: "agent2", until: fixture.clock.now().addingTimeInterval(60))
        fixture.clock.advance(by: 61)
        #expect(throws: ApprovalError.notAnApprover(user: "agent2", request: request.id, step: 0)) {
            try engine.approve(request.id, by: "agent2")
        }
        try engine.removeDelegation(of: "boss")
        #expect(try engine.approve(request.id, by: "boss").status == .approved)
    }

    @Test func failingFinalActionUndoesTheDecision() throws {
        let engine = try engine(steps: [ApprovalStep(name: "Boss", approvers: [.user("boss")])], failOnApproval: true)
        let request = try engine.submit(ApprovalItem(ID<Expense>("e1")), to: "expense", by: "agent1")
        #expect(throws: ApprovalError.self) { try engine.approve(request.id, by: "boss") }
        #expect(fixture.value(request.id)?.status == .pending)
        #expect(fixture.value(ID<Expense>("e1"))?.status == "submitted")
    }

    @Test func decisionsPublishEvents() throws {
        let engine = try engine(steps: [ApprovalStep(name: "Boss", approvers: [.user("boss")])])
        let seen = TypedEventLog<ApprovalDecided>()
        let subscription = fixture.bus.subscribe(ApprovalDecided.self) { seen.append($0) }
        defer { subscription.cancel() }
        let request = try engine.submit(ApprovalItem(ID<Expense>("e1")), to: "expense", by: "agent1")
        try engine.approve(request.id, by: "boss")
        #expect(seen.events.map(\.action) == [.submitted, .approved])
        #expect(seen.events.last?.status == .approved)
    }

    @Test(arguments: 1...5)
    func concurrentApprovalsOfOneRequestHaveExactlyOneWinner(round: Int) async throws {
        let counter = Counter()
        let engine = try engine(
            steps: [ApprovalStep(name: "Anyone", approvers: [.queue("tier1"), .role("hr"), .user("boss")])],
            approved: counter)
        let request = try engine.submit(ApprovalItem(ID<Expense>("e1")), to: "expense", by: "agent3")
        let approvers: [ID<User>] = ["agent1", "agent2", "hr1", "boss", "agent1", "agent2", "hr1", "boss"]
        let outcomes = await withTaskGroup(of: Result<ApprovalRequest, ApprovalError>.self) { group in
            for (index, approver) in approvers.enumerated() {
                group.addTask {
                    do {
                        let result = index.isMultiple(of: 2)
                            ? try engine.approve(request.id, by: approver)
                            : try engine.reject(request.id, by: approver)
                        return .success(result)
                    } catch let error as ApprovalError {
                        return .failure(error)
                    } catch {
                        Issue.record("unexpected \(error)")
                        return .failure(.unknownRequest(request.id))
                    }
                }
            }
            var all: [Result<ApprovalRequest, ApprovalError>] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        let winners = outcomes.compactMap { try? $0.get() }
        #expect(winners.count == 1)
        for case .failure(let error) in outcomes {
            switch error {
            case .concurrentDecision(let id): #expect(id == request.id)
            case .notPending(let id, _): #expect(id == request.id)
            default: Issue.record("unexpected \(error)")
            }
        }
        let stored = try #require(fixture.value(request.id))
        #expect(stored.status == winners[0].status)
        #expect(stored.history.count == 2)
        #expect(counter.count == (stored.status == .approved ? 1 : 0))
        #expect(fixture.value(ID<Expense>("e1"))?.status == (stored.status == .approved ? "approved" : "rejected"))
    }
}

/// Collects published events.
final class TypedEventLog<E: DomainEvent>: Sendable {
    private let storage = Mutex<[E]>([])
    func append(_ event: E) { storage.withLock { $0.append(event) } }
    var events: [E] { storage.withLock { $0 } }
}
