public import CommunityModel
import Foundation

/// A dashboard kept in the ``Store``: a grid of tiles, each fed by a saved report, run either as
/// a chosen running user (everyone who may open the dashboard sees that user's numbers, as in
/// Salesforce) or as the viewer. Shared through its folder like ``SavedReport``.
public struct SavedDashboard: Entity, Hashable {
    /// The table name.
    public static let entityType: EntityType = "SavedDashboard"
    /// Indexed by owner (and folder).
    public static var indexedFields: [IndexedField<SavedDashboard>] {
        [
            IndexedField("owner") { .reference($0.owner.rawValue) },
            IndexedField("folder") { $0.folderID.map { .reference($0.rawValue) } },
        ]
    }

    /// The identifier.
    public var id: ID<SavedDashboard>
    /// The dashboard's name.
    public var name: String
    /// Who created it.
    public var owner: ID<User>
    /// The folder it is shared through; `nil` for a private dashboard.
    public var folderID: ID<ReportFolder>?
    /// Whose access the reports run with; `nil` runs them as the viewer.
    public var runningUser: ID<User>?
    /// How many grid columns the tiles are laid out in (1 to 4).
    public var columns: Int
    /// The tiles, in reading order.
    public var tiles: [DashboardTile]

    /// The most tiles a dashboard has.
    public static let maximumTiles = 20

    /// A dashboard.
    public init(
        id: ID<SavedDashboard>, name: String, owner: ID<User>, folderID: ID<ReportFolder>? = nil, runningUser: ID<User>? = nil,
        columns: Int = 3, tiles: [DashboardTile]
    ) {
        self.id = id
        self.name = name
        self.owner = owner
        self.folderID = folderID
        self.runningUser = runningUser
        self.columns = columns
        self.tiles = tiles
    }

    /// A name of 1 to 120 characters, 1 to 4 columns, at most ``maximumTiles`` tiles, each valid.
    public func validate() throws {
        try Check.text(name, field: "SavedDashboard.Name", max: 120)
        guard (1...4).contains(columns) else { throw ValidationError(field: "SavedDashboard.columns", reason: .outOfRange("\(columns) not in 1...4")) }
        guard tiles.count <= Self.maximumTiles else {
            throw ValidationError(field: "SavedDashboard.tiles", reason: .outOfRange("\(tiles.count) > \(Self.maximumTiles)"))
        }
        for tile in tiles { try tile.validate() }
    }
}

/// One dashboard component: a saved report drawn as a chart, metric, gauge or table.
public struct DashboardTile: Codable, Sendable, Hashable {
    /// How the tile shows its report.
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        /// One number: the report's grand total of the chosen summary.
        case metric
        /// The grand total against a maximum, as a semicircle.
        case gauge
        /// Bars by first-level group.
        case bar
        /// Bars by first-level group, split by the second grouping (or the matrix columns).
        case stackedBar
        /// A line across the first-level groups (dates bucketed by period read best).
        case line
        /// A ring divided by first-level group.
        case donut
        /// The groups and their aggregates as a table.
        case table
    }

    /// The tile's heading; the report's name when empty.
    public var title: String
    /// The report it shows.
    public var reportID: ID<SavedReport>
    /// How it shows it.
    public var kind: Kind
    /// Which of the report's summaries it draws (0 for the first; the record count when the
    /// report has none).
    public var summary: Int
    /// A gauge's maximum (its target); ignored by other kinds.
    public var maximum: Double?
    /// How many grid columns the tile spans (1 to 4).
    public var span: Int

    /// A tile.
    public init(title: String = "", reportID: ID<SavedReport>, kind: Kind, summary: Int = 0, maximum: Double? = nil, span: Int = 1) {
        self.title = title
        self.reportID = reportID
        self.kind = kind
        self.summary = summary
        self.maximum = maximum
        self.span = span
    }

    func validate() throws {
        try Check.text(title, field: "DashboardTile.title", max: 120, required: false)
        guard (1...4).contains(span) else { throw ValidationError(field: "DashboardTile.span", reason: .outOfRange("\(span) not in 1...4")) }
        guard (0..<ReportEngine.maximumSummaries).contains(summary) else {
            throw ValidationError(field: "DashboardTile.summary", reason: .outOfRange("\(summary)"))
        }
        if let maximum { try Check.finite(maximum, field: "DashboardTile.maximum") }
    }
}
