/// One sampled access check with its expected answer.
public struct CheckSample: Sendable, Hashable {
    /// The user asking.
    public var user: String
    /// The record.
    public var record: String
    /// Read or edit.
    public var action: WorkloadAction
    /// Whether the action is allowed.
    public var expected: Bool

    /// Creates a sample.
    public init(user: String, record: String, action: WorkloadAction, expected: Bool) {
        self.user = user
        self.record = record
        self.action = action
        self.expected = expected
    }
}

/// One sampled listing with its expected size.
public struct ListSample: Sendable, Hashable {
    /// The user listing.
    public var user: String
    /// The object listed.
    public var object: WorkloadObject
    /// How many records of the object the user may read.
    public var expectedCount: Int

    /// Creates a sample.
    public init(user: String, object: WorkloadObject, expectedCount: Int) {
        self.user = user
        self.object = object
        self.expectedCount = expectedCount
    }
}
