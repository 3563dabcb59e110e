/// The reference evaluator driven as an ``AccessSubject`` (`--engine reference`): a baseline
/// for the figures, and a way to exercise the benchmark without the engine. A change
/// rebuilds it from the changed workload.
public struct ReferenceSubject: AccessSubject {
    private var reference: ReferenceEvaluator

    /// Builds the reference for `workload`.
    public init(_ workload: Workload) { reference = ReferenceEvaluator(workload) }

    public var name: String { "reference evaluator" }
    public var listingDescription: String { "full materialisation of the readable record ids (a Set) by the reference's union of grants" }
    public var mappingNotes: [String] { ["the reference evaluates the contract's semantics directly"] }
    public var buildPhases: [(name: String, seconds: Double)] { [] }

    public func user(_ id: String) -> String? { id }
    public func record(_ id: String) -> String? { id }

    public func allows(_ user: String, _ record: String, _ action: WorkloadAction) -> Bool {
        reference.allows(user: user, record: record, action: action)
    }

    public func readableCount(_ user: String, _ object: WorkloadObject) -> Int {
        reference.readable(user: user, object: object).count
    }

    public mutating func apply(_ change: WorkloadChange, after workload: Workload) throws {
        reference = ReferenceEvaluator(workload)
    }
}
