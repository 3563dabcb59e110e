public import CommunityModel
public import Foundation

/// The employee portal: targeted announcements and requests (such as leave) that run
/// through the shared ``ApprovalEngine``.
public final class EmployeePortal: Sendable {
    /// The shared environment.
    public let environment: ServiceEnvironment
    /// The approval engine.
    public let approvals: ApprovalEngine
    /// Roles whose holders may publish announcements (empty: any employee).
    public let publisherRoles: Set<ID<Role>>

    /// Creates the portal.
    public init(environment: ServiceEnvironment, approvals: ApprovalEngine, publisherRoles: Set<ID<Role>> = []) {
        self.environment = environment
        self.approvals = approvals
        self.publisherRoles = publisherRoles
    }

    /// The approval process name for a request kind.
    public static func processName(for kind: String) -> String { "employee.\(kind)" }

    /// Registers the approval process of a request kind (such as `leave` with the
    /// submitter's manager, then HR's queue).
    public func registerRequestKind(_ kind: String, steps: [ApprovalStep]) throws {
        try approvals.register(
            ApprovalProcess(
                name: Self.processName(for: kind), steps: steps,
                onFinalApproval: { try Self.set(.approved, $0) }, onRejection: { try Self.set(.rejected, $0) },
                onRecall: { try Self.set(.recalled, $0) }))
    }

    private static func set(_ status: EmployeeRequest.Status, _ outcome: ApprovalOutcome) throws {
        guard let id = outcome.request.item.id(as: EmployeeRequest.self),
            var request = try outcome.transaction.value(id)
        else { return }
        request.status = status
        try outcome.transaction.put(request)
    }

    private func employee(_ id: ID<User>, in reader: any StoreReader) throws -> User {
        guard let user = try reader.value(id), user.isActive, user.kind == .internal else {
            throw EmployeeError.notAnEmployee(id)
        }
        return user
    }

    /// Publishes an announcement (by a holder of a publisher role).
    @discardableResult
    public func publish(
        title: String, body: String, departments: Set<String> = [], roles: Set<ID<Role>> = [],
        expiresAt: Date? = nil, by author: ID<User>
    ) throws -> Announcement {
        do {
            try Check.text(title, field: "Announcement.Title", max: 255)
            try Check.text(body, field: "Announcement.Body", max: 32_000)
        } catch { throw EmployeeError.invalid(error) }
        return try environment.store.write { tx in
            let user = try employee(author, in: tx)
            if !publisherRoles.isEmpty, !(user.roleID.map(publisherRoles.contains) ?? false) {
                throw EmployeeError.notAPublisher(author)
            }
            let announcement = Announcement(
                id: .generate(prefix: "ann"), title: title, body: body, authorID: author, departments: departments,
                roles: roles, publishedAt: environment.clock.now(), expiresAt: expiresAt)
            try tx.put(announcement, expecting: .absent)
            return announcement
        }
    }

    /// Announcements meant for `viewer` now, newest first.
    public func announcements(for viewer: ID<User>) throws -> [Announcement] {
        let reader = environment.store.snapshot()
        guard let user = try reader.value(viewer) else { return [] }
        let now = environment.clock.now()
        return try reader.query(Query<Announcement>().ordered(by: "publishedAt", descending: true)).map(\.value)
            .filter { $0.isTargeted(at: user, on: now) }
    }

    /// An employee submits a request of a registered kind; it enters that kind's approval process.
    public func submitRequest(
        kind: String, details: String, startDay: Day? = nil, endDay: Day? = nil, by employeeID: ID<User>
    ) throws -> (request: EmployeeRequest, approval: ApprovalRequest) {
        do {
            try Check.text(details, field: "EmployeeRequest.Details", max: 4_000)
            if let startDay, let endDay, endDay < startDay {
                throw ValidationError(field: "EmployeeRequest.EndDay", reason: .outOfRange("\(endDay) before \(startDay)"))
            }
        } catch let error as ValidationError { throw EmployeeError.invalid(error) }
        let process = Self.processName(for: kind)
        guard approvals.process(named: process) != nil else { throw ApprovalError.unknownProcess(process) }
        let result = try environment.store.write { tx -> (EmployeeRequest, ApprovalRequest) in
            _ = try employee(employeeID, in: tx)
            let request = EmployeeRequest(
                id: .generate(prefix: "emp"), employeeID: employeeID, kind: kind, details: details, startDay: startDay,
                endDay: endDay, status: .submitted, submittedAt: environment.clock.now())
            try tx.put(request, expecting: .absent)
            let approval = try approvals.submit(ApprovalItem(request.id), to: process, by: employeeID, in: tx)
            return (request, approval)
        }
        return result
    }

    /// An employee's own requests, newest first.
    public func requests(of employeeID: ID<User>) throws -> [EmployeeRequest] {
        try environment.store.snapshot()
            .query(Query<EmployeeRequest>().where("employeeID", equals: .reference(employeeID.rawValue)))
            .map(\.value).sorted { ($0.submittedAt, $0.id) > ($1.submittedAt, $1.id) }
    }

    /// One request, for its employee or anyone who may act on its approval.
    public func request(_ id: ID<EmployeeRequest>) throws -> EmployeeRequest {
        guard let request = try environment.store.snapshot().value(id) else { throw EmployeeError.unknownRequest(id) }
        return request
    }
}
