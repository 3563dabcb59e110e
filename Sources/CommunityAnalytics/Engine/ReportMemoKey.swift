import CommunityModel

/// What a report's result depends on besides the access snapshot it runs over: the key under
/// which ``CompiledReport/run(in:)`` keeps a result with the snapshot.
struct ReportMemoKey: Hashable, Sendable {
    var definition: ReportDefinition
    /// The fields as compiled, with their types (which decide how filter values were parsed).
    var fields: [ReportField]
    var rowLimit: Int
    /// The day relative dates were resolved against.
    var today: Int
    /// The viewer, or `nil` for everyone who reads every record of the object (then they all
    /// see the same records and the same values).
    var viewer: ID<User>?
}
