/// A sharing rule: owner-based (records owned by members of `from`) or criteria-based.
public struct SharingRuleSpec: Sendable, Hashable {
    /// Which records the rule selects.
    public enum Selector: Sendable, Hashable {
        /// Records whose owner is in the set.
        case owner(from: WorkloadGrantee)
        /// Records whose field equals the value.
        case criteria(field: RecordField, equals: String)
    }

    /// The rule's id, such as `sr4`.
    public var id: String
    /// The object the rule shares.
    public var object: WorkloadObject
    /// Which records.
    public var selector: Selector
    /// Who gets access.
    public var to: WorkloadGrantee
    /// Read or edit.
    public var access: WorkloadAccessLevel

    /// Creates a rule.
    public init(id: String, object: WorkloadObject, selector: Selector, to: WorkloadGrantee, access: WorkloadAccessLevel) {
        self.id = id
        self.object = object
        self.selector = selector
        self.to = to
        self.access = access
    }
}
