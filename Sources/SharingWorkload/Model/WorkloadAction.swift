/// What a check asks for: reading or editing one record.
public enum WorkloadAction: String, Sendable, Hashable, CaseIterable {
    /// May the user read the record?
    case read
    /// May the user edit the record?
    case edit

    /// The least access level that allows the action.
    public var requiredLevel: WorkloadAccessLevel { self == .read ? .read : .edit }
}
