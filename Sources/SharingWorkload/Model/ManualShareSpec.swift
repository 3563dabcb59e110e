/// A manual share of one record with a user or a group.
public struct ManualShareSpec: Sendable, Hashable {
    /// The shared record's id.
    public var record: String
    /// The user or group (only `.user` and `.group` are valid).
    public var to: WorkloadGrantee
    /// Read or edit.
    public var access: WorkloadAccessLevel

    /// Creates a manual share.
    public init(record: String, to: WorkloadGrantee, access: WorkloadAccessLevel) {
        self.record = record
        self.to = to
        self.access = access
    }
}
