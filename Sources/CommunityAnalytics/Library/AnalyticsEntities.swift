public import CommunityModel

/// The entity types reports and dashboards keep in a ``Store``.
public enum AnalyticsEntities {
    /// Every analytics entity type, to register with a store that decodes entities by type name.
    public static let all: [any Entity.Type] = [ReportFolder.self, SavedReport.self, SavedDashboard.self]
    /// The record types the access engine must load so folders are shared like records.
    public static let recordTypes: [any Record.Type] = [ReportFolder.self]
}
