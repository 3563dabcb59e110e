/// A case as the agent's work panel shows it.
public struct CaseWorkSummary: Sendable, Hashable {
    /// The case id.
    public var id: String
    /// The current status, such as `New`.
    public var status: String
    /// The statuses the lifecycle allows next, in lifecycle order; empty when the viewer may
    /// not edit the case.
    public var nextStatuses: [String]
    /// The owner in words (a person's name or a queue's name).
    public var owner: String
    /// Whether the viewer may take the case from the queue that owns it.
    public var canPick: Bool

    /// A summary.
    public init(id: String, status: String, nextStatuses: [String], owner: String, canPick: Bool) {
        self.id = id
        self.status = status
        self.nextStatuses = nextStatuses
        self.owner = owner
        self.canPick = canPick
    }
}
