public import CommunityModel
public import Foundation

/// A report kept in the ``Store``: its definition, name, owner and folder.
///
/// Its owner may always read, run, change and delete it. Anyone who may read its folder may read
/// and run it; anyone who may edit the folder may change it. A report without a folder is private.
public struct SavedReport: Entity, Hashable {
    /// The table name.
    public static let entityType: EntityType = "SavedReport"
    /// Indexed by owner (and folder).
    public static var indexedFields: [IndexedField<SavedReport>] {
        [
            IndexedField("owner") { .reference($0.owner.rawValue) },
            IndexedField("folder") { $0.folderID.map { .reference($0.rawValue) } },
        ]
    }

    /// The identifier.
    public var id: ID<SavedReport>
    /// The report's name.
    public var name: String
    /// What it reports.
    public var definition: ReportDefinition
    /// How the report builder and report components chart it (bar unless set).
    public var chart: DashboardTile.Kind
    /// Who created it.
    public var owner: ID<User>
    /// The folder it is shared through; `nil` for a private report.
    public var folderID: ID<ReportFolder>?
    /// When it was last saved.
    public var updatedAt: Date

    /// A saved report.
    public init(
        id: ID<SavedReport>, name: String, definition: ReportDefinition, chart: DashboardTile.Kind = .bar, owner: ID<User>,
        folderID: ID<ReportFolder>? = nil, updatedAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.id = id
        self.name = name
        self.definition = definition
        self.chart = chart
        self.owner = owner
        self.folderID = folderID
        self.updatedAt = updatedAt
    }

    /// A name of 1 to 120 characters, no control characters anywhere.
    public func validate() throws {
        try Check.text(name, field: "SavedReport.Name", max: 120)
        try definition.validateText()
    }

    /// Reads a saved report from exported JSON.
    ///
    /// - Throws: ``ReportError/malformedDefinition(_:)`` saying what is wrong with the JSON.
    public static func decode(_ data: Data) throws(ReportError) -> SavedReport {
        guard data.count <= 1 << 20 else { throw .malformedDefinition("larger than 1 MiB") }
        do {
            let report = try JSONDecoder().decode(SavedReport.self, from: data)
            try report.validate()
            return report
        } catch let error as DecodingError {
            throw .malformedDefinition(Self.describe(error))
        } catch {
            throw .malformedDefinition("\(error)")
        }
    }

    /// The report as JSON, for export (sorted keys).
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return (try? encoder.encode(self)) ?? Data()
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "" : " at \(p)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\"" + path(context)
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return context.debugDescription + path(context)
        case .dataCorrupted(let context): return context.debugDescription + path(context)
        @unknown default: return "unreadable"
        }
    }
}
