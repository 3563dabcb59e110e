/// An Opportunity or Case record of the workload.
public struct WorkloadRecord: Sendable, Hashable {
    /// The record's id, such as `rec17`.
    public var id: String
    /// Opportunity or Case.
    public var object: WorkloadObject
    /// The owning user.
    public var owner: String
    /// The account the record is about (a plain field).
    public var account: String?
    /// The record's region.
    public var region: String?
    /// The amount (0 for cases).
    public var amount: Int

    /// Creates a record.
    public init(id: String, object: WorkloadObject, owner: String, account: String?, region: String?, amount: Int) {
        self.id = id
        self.object = object
        self.owner = owner
        self.account = account
        self.region = region
        self.amount = amount
    }

    /// The value of a field that criteria rules and sharing sets compare, as text.
    public func value(of field: RecordField) -> String? {
        switch field {
        case .id: id
        case .owner: owner
        case .account: account
        case .region: region
        case .amount: String(amount)
        }
    }
}

/// A record field that a criteria rule or a sharing set may compare.
public enum RecordField: String, Sendable, Hashable, CaseIterable {
    /// The record id.
    case id
    /// The owning user's id.
    case owner
    /// The account field.
    case account
    /// The region field.
    case region
    /// The amount field (compared as its decimal text).
    case amount
}

/// A user field that a sharing set may compare.
public enum UserField: String, Sendable, Hashable, CaseIterable {
    /// The user's id.
    case id
    /// The user's account.
    case account
    /// The user's role.
    case role
    /// The user's profile.
    case profile

    /// The field's value on `user`.
    public func value(in user: WorkloadUser) -> String? {
        switch self {
        case .id: user.id
        case .account: user.account
        case .role: user.role
        case .profile: user.profile
        }
    }
}
