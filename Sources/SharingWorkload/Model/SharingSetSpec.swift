/// A sharing set: users of the listed kinds get access to records whose field matches theirs.
public struct SharingSetSpec: Sendable, Hashable {
    /// The object shared.
    public var object: WorkloadObject
    /// The user kinds the set applies to (the contract uses `customer`).
    public var userKinds: Set<UserKind>
    /// The user's field compared.
    public var userField: UserField
    /// The record's field compared.
    public var recordField: RecordField
    /// Read or edit.
    public var access: WorkloadAccessLevel

    /// Creates a sharing set.
    public init(
        object: WorkloadObject, userKinds: Set<UserKind>, userField: UserField, recordField: RecordField,
        access: WorkloadAccessLevel
    ) {
        self.object = object
        self.userKinds = userKinds
        self.userField = userField
        self.recordField = recordField
        self.access = access
    }
}
