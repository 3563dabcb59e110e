public import CommunityAccess
public import CommunityModel
import CommunityRendering
public import Foundation

extension Community {
    /// The checkpoint file of ``CommunityConfiguration/accessCheckpoint``, if configured.
    public var accessCheckpointFile: URL? { checkpoints.file }

    /// The last checkpoint ``writeAccessCheckpoint()`` wrote since this community started.
    public var lastAccessCheckpoint: AccessCheckpointRecord? { checkpoints.lastWritten }

    /// Writes the access engine's state to ``CommunityConfiguration/accessCheckpoint`` (atomically),
    /// so that the next start loads it and follows the feed from there instead of reading every
    /// record; `nil` when no checkpoint file is configured. Call it periodically and on shutdown.
    ///
    /// - Throws: ``AccessCheckpointError/io(_:)`` when the file cannot be written.
    @discardableResult
    public func writeAccessCheckpoint() throws(AccessCheckpointError) -> AccessCheckpointRecord? {
        let record = try checkpoints.write(access, clock: clock)
        if let record {
            logger.log(
                .info, .accessCheckpointWritten, "Wrote the access checkpoint.",
                metadata: ["sequence": .integer(record.sequence), "entities": .integer(record.entityCount)])
        }
        return record
    }

    /// How the access engine started (``accessStart``), in a sentence.
    public var accessStartDescription: String { Self.describe(accessStart) }

    /// How ``accessStart`` reads in a sentence.
    static func describe(_ start: AccessEngineStart) -> String {
        switch start {
        case .checkpoint(let sequence, let caughtUp): "from the checkpoint at change \(sequence), then \(caughtUp) changes from the feed"
        case .fullBuild(nil): "by reading the whole store (no checkpoint)"
        case .fullBuild(let error?): "by reading the whole store (checkpoint not used: \(error))"
        }
    }

    /// Starts the access engine from the configured checkpoint when usable; logs a fallback.
    static func startAccess(
        _ store: any Store, checkpoint: URL?, recordTypes: [any Record.Type], logger: any CommunityLogger
    ) throws -> (AccessEngine, AccessEngineStart) {
        let (engine, start) = try AccessEngine.start(store: store, checkpoint: checkpoint, recordTypes: recordTypes)
        if case .fullBuild(let error?) = start {
            logger.log(.warning, .accessCheckpointUnusable, "The access checkpoint could not be used; read the whole store.",
                       metadata: ["reason": .text(error.description)])
        }
        return (engine, start)
    }
}

extension LogEventName {
    /// The access checkpoint was written. Metadata: `sequence`, `entities`.
    public static let accessCheckpointWritten: LogEventName = "access.checkpointWritten"
    /// The configured access checkpoint could not be used (damaged, of another format, or the
    /// feed no longer reaches it); the engine read the whole store. Metadata: `reason`.
    public static let accessCheckpointUnusable: LogEventName = "access.checkpointUnusable"
}
