/// An access engine as the benchmark drives it: built from a workload, asked checks and
/// listings through pre-resolved handles (so id lookups stay outside the timed calls),
/// and changed while it runs.
public protocol AccessSubject: Sendable {
    /// How the subject refers to a user once resolved.
    associatedtype UserHandle: Sendable
    /// How the subject refers to a record once resolved.
    associatedtype RecordHandle: Sendable

    /// A short name for reports, such as `CommunityAccess`.
    var name: String { get }
    /// What a timed listing call does, printed with the results (for example
    /// "full materialisation of every readable record id").
    var listingDescription: String { get }
    /// Notes about how the workload was mapped onto the subject, printed with the report.
    var mappingNotes: [String] { get }
    /// Named sub-phases of the build with their seconds (such as store load, engine build).
    var buildPhases: [(name: String, seconds: Double)] { get }
    /// Heap memory (MiB) the engine itself holds after its build, apart from the workload
    /// and any store it reads; `nil` when the subject cannot tell.
    var engineHeapMB: Double? { get }

    /// Resolves a user id; `nil` when unknown.
    func user(_ id: String) -> UserHandle?
    /// Resolves a record id; `nil` when unknown.
    func record(_ id: String) -> RecordHandle?
    /// Whether the user may perform the action on the record.
    func allows(_ user: UserHandle, _ record: RecordHandle, _ action: WorkloadAction) -> Bool
    /// The readable records of `object` for the user: returns how many there are, after doing
    /// the work ``listingDescription`` names.
    func readableCount(_ user: UserHandle, _ object: WorkloadObject) -> Int
    /// Applies a change (the workload passed is the state after the change, for reference).
    mutating func apply(_ change: WorkloadChange, after workload: Workload) throws
}

extension AccessSubject {
    /// By default the engine's own memory is not reported separately.
    public var engineHeapMB: Double? { nil }
}
