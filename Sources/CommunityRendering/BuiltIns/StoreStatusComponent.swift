import CommunityModel

/// `community.storeStatus`: for site administrators, the store's and the access engine's
/// change sequences, how the engine started (from a checkpoint or a full read of the store),
/// the last checkpoint written, and a form that writes a checkpoint now; then the search
/// index: its documents, how it started (from a snapshot or a full reindex), the snapshot's
/// change and age, and a form that writes a snapshot now. Renders nothing for anyone else.
public struct StoreStatusComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    /// The form action that writes the access checkpoint.
    public static let checkpointAction = "writeAccessCheckpoint"
    /// The form action that writes the search index snapshot.
    public static let searchSnapshotAction = "writeSearchIndexSnapshot"
    public static let type: ComponentType = "community.storeStatus"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Storage and access", length: 0...200, summary: "Heading"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let provider = context.service((any StoreStatusProvider).self) else { return Markup.unavailable(context) }
        guard let status = provider.storeStatus(viewer: context.viewer) else { return .empty }
        func row(_ term: String, _ value: String) -> [HTMLNode] { [.el("dt", text: term), .el("dd", text: value)] }
        var rows = row(context.text("storage.storeSequence"), "\(status.storeSequence)")
        rows += row(context.text("storage.accessSequence"), "\(status.accessSequence)")
        rows += row(context.text("storage.started"), status.started)
        rows += row(context.text("storage.checkpointFile"), status.checkpointFile ?? context.text("storage.noCheckpointFile"))
        if let sequence = status.lastCheckpointSequence {
            rows += row(
                context.text("storage.lastCheckpoint"),
                context.text("storage.lastCheckpointValue", [
                    "sequence": "\(sequence)", "entities": "\(status.lastCheckpointEntities ?? 0)",
                    "date": Markup.date(status.lastCheckpointWritten, locale: context.locale),
                ]))
        }
        var children: [HTMLNode] = [.el("dl", [.class("ck-facts")], rows)]
        if status.checkpointFile != nil {
            children.append(Markup.form(Self.checkpointAction, context: context, [], submit: context.text("storage.writeCheckpoint")))
        }
        var search = row(context.text("storage.searchDocuments"), "\(status.searchDocuments)")
        var started: String
        if let sequence = status.searchStartSnapshot {
            started = context.text("storage.searchFromSnapshot", ["sequence": "\(sequence)", "caughtUp": "\(status.searchCaughtUp)"])
        } else {
            started = context.text("storage.searchFullBuild")
        }
        if let reason = status.searchFallback { started += " (\(reason))" }
        search += row(context.text("storage.searchStarted"), started)
        search += row(context.text("storage.searchSnapshotFile"), status.searchSnapshotFile ?? context.text("storage.noCheckpointFile"))
        if let sequence = status.searchSnapshotSequence {
            search += row(
                context.text("storage.searchSnapshot"),
                context.text("storage.searchSnapshotValue", [
                    "sequence": "\(sequence)", "minutes": "\(Int(exactly: (max(0, status.searchSnapshotAge ?? 0) / 60).rounded(.down)) ?? 0)",
                    "date": Markup.date(status.searchSnapshotWritten, locale: context.locale),
                ]))
        }
        children.append(.el("h3", text: context.text("storage.searchTitle")))
        children.append(.el("dl", [.class("ck-facts")], search))
        if status.searchSnapshotFile != nil {
            children.append(Markup.form(Self.searchSnapshotAction, context: context, [], submit: context.text("storage.writeSearchSnapshot")))
        }
        return Markup.section(context.localized(properties.title, default: "storage.title"), children)
    }
}
