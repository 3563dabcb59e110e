public import CommunityModel
public import Foundation

/// When a ``DueJob`` last ran, kept in the store so that overlapping calls, several threads and
/// a restarted engine agree on what is due. Stored with the job's name as its id.
public struct DueWorkRun: Entity, Hashable {
    public static let entityType: EntityType = "DueWorkRun"

    public var id: ID<DueWorkRun>
    /// The job.
    public var job: DueJob
    /// The moment of its last run.
    public var lastRunAt: Date
    /// The moment of the run before (restored if the last run fails).
    public var previousRunAt: Date?

    /// The run record of a job.
    public static func id(for job: DueJob) -> ID<DueWorkRun> { ID(sanitizing: "due." + job.rawValue) }
}
