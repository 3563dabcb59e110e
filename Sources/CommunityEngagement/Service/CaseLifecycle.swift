/// The statuses a case moves through and which moves are allowed; sites configure their own.
public struct CaseLifecycle: Hashable, Sendable, Codable {
    /// Every status, in display order.
    public var statuses: [String]
    /// The status new cases get.
    public var initialStatus: String
    /// Statuses that count as closed (milestones stop, surveys open).
    public var closedStatuses: Set<String>
    /// The status escalation rules move a case to, if any.
    public var escalatedStatus: String?
    /// Allowed moves: from a status to the statuses it may move to.
    public var transitions: [String: Set<String>]

    /// Creates a lifecycle.
    public init(
        statuses: [String], initialStatus: String, closedStatuses: Set<String>, escalatedStatus: String? = nil,
        transitions: [String: Set<String>]
    ) {
        self.statuses = statuses
        self.initialStatus = initialStatus
        self.closedStatuses = closedStatuses
        self.escalatedStatus = escalatedStatus
        self.transitions = transitions
    }

    /// New → Working → Waiting on Customer ⇄ Working, any open status → Escalated or Closed,
    /// Closed → Working (reopen).
    public static let standard = CaseLifecycle(
        statuses: ["New", "Working", "Waiting on Customer", "Escalated", "Closed"],
        initialStatus: "New", closedStatuses: ["Closed"], escalatedStatus: "Escalated",
        transitions: [
            "New": ["Working", "Escalated", "Closed"],
            "Working": ["Waiting on Customer", "Escalated", "Closed"],
            "Waiting on Customer": ["Working", "Escalated", "Closed"],
            "Escalated": ["Working", "Closed"],
            "Closed": ["Working"],
        ])

    /// Checks that every status named is declared.
    public func validate() throws(CaseError) {
        let known = Set(statuses)
        var named = [initialStatus] + closedStatuses.sorted()
        if let escalatedStatus { named.append(escalatedStatus) }
        for (from, tos) in transitions { named += [from] + tos.sorted() }
        if let unknown = named.first(where: { !known.contains($0) }) { throw .unknownStatus(unknown) }
        if closedStatuses.isEmpty { throw .invalidConfiguration("a lifecycle needs a closed status") }
    }

    /// Whether a case may move from `from` to `to`.
    public func allows(from: String, to: String) -> Bool { transitions[from]?.contains(to) ?? false }

    /// Whether the status is a closed one.
    public func isClosed(_ status: String) -> Bool { closedStatuses.contains(status) }
}
