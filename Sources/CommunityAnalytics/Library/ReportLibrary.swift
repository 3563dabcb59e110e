public import CommunityModel
public import CommunityAccess
public import Foundation

/// Saved reports, dashboards and their folders: saving, listing, reading and running them as a
/// viewer. Reads take a store snapshot and an access snapshot and never wait for writes.
///
/// Who may do what: the owner of a report or dashboard always may; otherwise reading its folder
/// (``ReportFolder``, shared like a record) lets a user read and run it, and editing the folder
/// lets them change it or save into it. Choosing another user as a dashboard's running user
/// takes ``runningUserPermission`` (or View All Data).
public struct ReportLibrary: Sendable {
    /// Where reports are kept.
    public let store: any Store
    /// Record access (who reads which folder and which records).
    public let access: AccessEngine
    /// The engine reports run on.
    public let engine: ReportEngine

    /// The system permission that lets a user save a dashboard running as someone else.
    public static let runningUserPermission = SystemPermission("manageDashboards")

    /// A library.
    public init(store: any Store, access: AccessEngine, engine: ReportEngine) {
        self.store = store
        self.access = access
        self.engine = engine
    }

    // MARK: Running

    /// Runs a definition as `user`.
    public func run(_ definition: ReportDefinition, as user: ID<User>) throws(ReportError) -> ReportResult {
        try engine.run(definition, as: user, in: access.snapshot)
    }

    /// Runs a saved report as `user`, who must be able to read it.
    public func run(report id: ID<SavedReport>, as user: ID<User>) throws(ReportError) -> (report: SavedReport, result: ReportResult) {
        let report = try self.report(id, for: user)
        return (report, try run(report.definition, as: user))
    }

    /// Runs every tile of a dashboard the viewer may read, as its running user (or the viewer).
    /// A tile whose report is gone or fails carries its error; the others still run.
    public func run(dashboard id: ID<SavedDashboard>, as viewer: ID<User>) throws(ReportError) -> DashboardResult {
        let dashboard = try self.dashboard(id, for: viewer)
        let runner = dashboard.runningUser ?? viewer
        let snapshot = access.snapshot
        let reader = store.snapshot()
        var tiles: [DashboardResult.Tile] = []
        var compiled: [ID<SavedReport>: Result<(SavedReport, ReportResult), ReportError>] = [:]
        for tile in dashboard.tiles {
            if compiled[tile.reportID] == nil {
                compiled[tile.reportID] = Result { () throws(ReportError) -> (SavedReport, ReportResult) in
                    guard let report = (try? reader.value(tile.reportID)) ?? nil else { throw .notFound(kind: "report", id: tile.reportID.rawValue) }
                    return (report, try engine.run(report.definition, as: runner, in: snapshot))
                }
            }
            switch compiled[tile.reportID] {
            case .success(let (report, result))?: tiles.append(.init(tile: tile, report: report, outcome: .success(result)))
            case .failure(let error)?: tiles.append(.init(tile: tile, report: nil, outcome: .failure(error)))
            case nil: break
            }
        }
        return DashboardResult(dashboard: dashboard, runningUser: runner, tiles: tiles)
    }

    // MARK: Folders

    /// Creates a folder owned by `user`, who needs Create on `ReportFolder`.
    @discardableResult
    public func createFolder(named name: String, by user: ID<User>) throws(ReportError) -> ReportFolder {
        guard access.snapshot.objectPermissions(user, on: ReportFolder.entityType).contains(.create) else {
            throw .notPermitted(kind: "folder", id: name, reason: "needs Create on ReportFolder")
        }
        let folder = ReportFolder(id: .generate(prefix: "rf"), name: name, owner: .user(user))
        try write { tx in _ = try tx.put(folder) }
        return folder
    }

    /// The folders `user` may read, by name.
    public func folders(readableBy user: ID<User>) -> [ReportFolder] {
        var out: [ReportFolder] = []
        access.snapshot.forEachVisibleRecord(of: user, object: ReportFolder.entityType) { record in
            if let folder = record as? ReportFolder { out.append(folder) }
            return true
        }
        return out.sorted { ($0.name, $0.id.rawValue) < ($1.name, $1.id.rawValue) }
    }

    // MARK: Reports

    /// Saves a report as `user`: a new one (unknown id) becomes theirs; an existing one must be
    /// theirs or in a folder they may edit. The definition must run for them, and a folder
    /// must be one they may edit.
    @discardableResult
    public func save(_ report: SavedReport, by user: ID<User>) throws(ReportError) -> SavedReport {
        let snapshot = access.snapshot
        _ = try engine.compile(report.definition, for: user, in: snapshot)
        var report = report
        let existing = (try? store.snapshot().value(report.id)) ?? nil
        if let existing {
            guard mayEdit(owner: existing.owner, folder: existing.folderID, user: user, snapshot) else {
                throw .notPermitted(kind: "report", id: report.id.rawValue, reason: "neither the owner nor an editor of its folder")
            }
            report.owner = existing.owner
        } else {
            report.owner = user
        }
        if let folder = report.folderID, folder != existing?.folderID || existing == nil {
            guard snapshot.access(user, to: ReportFolder.entityType, id: folder.rawValue) >= .edit else {
                throw .notPermitted(kind: "folder", id: folder.rawValue, reason: "the user may not save into it")
            }
        }
        report.updatedAt = engine.clock.now()
        let saved = report
        try write { tx in _ = try tx.put(saved) }
        return saved
    }

    /// A saved report `user` may read.
    public func report(_ id: ID<SavedReport>, for user: ID<User>) throws(ReportError) -> SavedReport {
        guard let report = (try? store.snapshot().value(id)) ?? nil, mayRead(owner: report.owner, folder: report.folderID, user: user, access.snapshot)
        else { throw .notFound(kind: "report", id: id.rawValue) }
        return report
    }

    /// Every saved report `user` may read, by name.
    public func reports(readableBy user: ID<User>) -> [SavedReport] {
        let snapshot = access.snapshot
        let all = (try? store.snapshot().all(SavedReport.self)) ?? []
        return all.map(\.value).filter { mayRead(owner: $0.owner, folder: $0.folderID, user: user, snapshot) }
            .sorted { ($0.name, $0.id.rawValue) < ($1.name, $1.id.rawValue) }
    }

    /// Deletes a report its owner (or an editor of its folder) no longer wants.
    public func delete(report id: ID<SavedReport>, by user: ID<User>) throws(ReportError) {
        let report = try self.report(id, for: user)
        guard mayEdit(owner: report.owner, folder: report.folderID, user: user, access.snapshot) else {
            throw .notPermitted(kind: "report", id: id.rawValue, reason: "neither the owner nor an editor of its folder")
        }
        try write { tx in try tx.delete(id) }
    }

    /// Imports a report from JSON (``SavedReport/encoded()``) and saves it as `user`'s.
    ///
    /// - Throws: ``ReportError/malformedDefinition(_:)`` for JSON that does not read as a report,
    ///   or what ``save(_:by:)`` throws.
    @discardableResult
    public func importReport(_ data: Data, by user: ID<User>) throws(ReportError) -> SavedReport {
        var report = try SavedReport.decode(data)
        report.id = .generate(prefix: "rep")
        report.owner = user
        return try save(report, by: user)
    }

    // MARK: Dashboards

    /// Saves a dashboard as `user`, under the same rules as ``save(_:by:)``; every tile's report
    /// must be one the user may read, and a running user other than the saver needs
    /// ``runningUserPermission`` or View All Data.
    @discardableResult
    public func save(_ dashboard: SavedDashboard, by user: ID<User>) throws(ReportError) -> SavedDashboard {
        let snapshot = access.snapshot
        do { try dashboard.validate() } catch { throw .invalid(field: "dashboard", reason: "\(error)") }
        for tile in dashboard.tiles { _ = try report(tile.reportID, for: user) }
        if let running = dashboard.runningUser, running != user {
            let permissions = snapshot.systemPermissions(user)
            guard permissions.contains(Self.runningUserPermission) || permissions.contains(.viewAllData) else {
                throw .notPermitted(kind: "dashboard", id: dashboard.id.rawValue, reason: "choosing another running user needs \(Self.runningUserPermission.name)")
            }
            guard snapshot.user(running)?.isActive == true else { throw .notFound(kind: "user", id: running.rawValue) }
        }
        var dashboard = dashboard
        let existing = (try? store.snapshot().value(dashboard.id)) ?? nil
        if let existing {
            guard mayEdit(owner: existing.owner, folder: existing.folderID, user: user, snapshot) else {
                throw .notPermitted(kind: "dashboard", id: dashboard.id.rawValue, reason: "neither the owner nor an editor of its folder")
            }
            dashboard.owner = existing.owner
        } else {
            dashboard.owner = user
        }
        if let folder = dashboard.folderID, folder != existing?.folderID || existing == nil {
            guard snapshot.access(user, to: ReportFolder.entityType, id: folder.rawValue) >= .edit else {
                throw .notPermitted(kind: "folder", id: folder.rawValue, reason: "the user may not save into it")
            }
        }
        let saved = dashboard
        try write { tx in _ = try tx.put(saved) }
        return saved
    }

    /// A dashboard `user` may read.
    public func dashboard(_ id: ID<SavedDashboard>, for user: ID<User>) throws(ReportError) -> SavedDashboard {
        guard let dashboard = (try? store.snapshot().value(id)) ?? nil,
              mayRead(owner: dashboard.owner, folder: dashboard.folderID, user: user, access.snapshot)
        else { throw .notFound(kind: "dashboard", id: id.rawValue) }
        return dashboard
    }

    /// Every dashboard `user` may read, by name.
    public func dashboards(readableBy user: ID<User>) -> [SavedDashboard] {
        let snapshot = access.snapshot
        let all = (try? store.snapshot().all(SavedDashboard.self)) ?? []
        return all.map(\.value).filter { mayRead(owner: $0.owner, folder: $0.folderID, user: user, snapshot) }
            .sorted { ($0.name, $0.id.rawValue) < ($1.name, $1.id.rawValue) }
    }

    // MARK: Access

    func mayRead(owner: ID<User>, folder: ID<ReportFolder>?, user: ID<User>, _ snapshot: AccessSnapshot) -> Bool {
        if owner == user { return true }
        guard let folder else { return false }
        return snapshot.access(user, to: ReportFolder.entityType, id: folder.rawValue) >= .read
    }

    func mayEdit(owner: ID<User>, folder: ID<ReportFolder>?, user: ID<User>, _ snapshot: AccessSnapshot) -> Bool {
        if owner == user { return true }
        guard let folder else { return false }
        return snapshot.access(user, to: ReportFolder.entityType, id: folder.rawValue) >= .edit
    }

    private func write(_ body: (any StoreTransaction) throws -> Void) throws(ReportError) {
        do { try store.write(body) } catch let error as ReportError { throw error } catch {
            throw .invalid(field: "store", reason: "\(error)")
        }
    }
}

/// What a dashboard showed: each tile with its report's result or the error it ran into.
public struct DashboardResult: Sendable {
    /// One tile's outcome.
    public struct Tile: Sendable {
        /// The tile.
        public var tile: DashboardTile
        /// Its report; `nil` when the report is gone.
        public var report: SavedReport?
        /// The report's result, or why it could not run for the running user.
        public var outcome: Result<ReportResult, ReportError>
    }

    /// The dashboard.
    public var dashboard: SavedDashboard
    /// Whose access the tiles ran with.
    public var runningUser: ID<User>
    /// The tiles, in the dashboard's order.
    public var tiles: [Tile]
}
