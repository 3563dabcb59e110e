/// A broken law found by a conformance suite: which law, and what was observed.
public struct ConformanceFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The law that does not hold, such as `"snapshot isolation"`.
    public var law: String
    /// What the suite observed, in enough detail to find the bug.
    public var detail: String

    /// Creates a failure report.
    public init(law: String, detail: String) {
        self.law = law
        self.detail = detail
    }

    /// The law and the observation, in one sentence.
    public var description: String { "store conformance law \"\(law)\" broken: \(detail)" }
}
