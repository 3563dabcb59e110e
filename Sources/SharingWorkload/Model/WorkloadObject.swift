/// The two record objects a sharing workload holds.
public enum WorkloadObject: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Opportunity records (deals).
    case opportunity = "Opportunity"
    /// Case records (support requests).
    case `case` = "Case"

    public static func < (lhs: WorkloadObject, rhs: WorkloadObject) -> Bool { lhs.rawValue < rhs.rawValue }
}
