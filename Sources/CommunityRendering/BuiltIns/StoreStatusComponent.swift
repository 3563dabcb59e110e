import CommunityModel

/// `community.storeStatus`: for site administrators, the store's and the access engine's
/// change sequences, how the engine started (from a checkpoint or a full read of the store),
/// the last checkpoint written, and a form that writes a checkpoint now. Renders nothing for
/// anyone else.
public struct StoreStatusComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    /// The form action that writes the access checkpoint.
    public static let checkpointAction = "writeAccessCheckpoint"
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
        var rows = row("Store change sequence", "\(status.storeSequence)")
        rows += row("Access engine at change", "\(status.accessSequence)")
        rows += row("Access engine started", status.started)
        rows += row("Checkpoint file", status.checkpointFile ?? "none configured")
        if let sequence = status.lastCheckpointSequence {
            rows += row(
                "Last checkpoint",
                "change \(sequence), \(status.lastCheckpointEntities ?? 0) entities, "
                    + Markup.date(status.lastCheckpointWritten, locale: context.locale))
        }
        var children: [HTMLNode] = [.el("dl", [.class("ck-facts")], rows)]
        if status.checkpointFile != nil {
            children.append(Markup.form(Self.checkpointAction, context: context, [], submit: "Write checkpoint now"))
        }
        return Markup.section(properties.title, children)
    }
}
