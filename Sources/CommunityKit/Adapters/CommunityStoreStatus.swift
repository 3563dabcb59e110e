import CommunityAccess
import CommunityModel
import CommunityRendering
import Foundation
import Synchronization

/// The ``StoreStatusProvider`` and the "write checkpoint now" and "write search snapshot now"
/// actions over a community, for
/// site administrators (``Community/siteBuilderPermission``) only. Built before the community
/// exists (services come first), then attached to it.
final class CommunityStoreStatus: StoreStatusProvider {
    private struct Target {
        weak var community: Community?
    }

    private let target = Mutex(Target())

    func attach(_ community: Community) { target.withLock { $0.community = community } }

    private func administered(by user: ID<User>?) -> Community? {
        guard let community = target.withLock({ $0.community }), let user,
            community.access.snapshot.hasPermission(user, Community.siteBuilderPermission)
        else { return nil }
        return community
    }

    func storeStatus(viewer: Viewer) -> StoreStatusSummary? {
        guard let community = administered(by: viewer.user?.id) else { return nil }
        var summary = StoreStatusSummary(
            storeSequence: community.store.snapshot().sequence, accessSequence: community.access.snapshot.sequence,
            started: Community.describe(community.accessStart), checkpointFile: community.accessCheckpointFile?.path)
        if let last = community.lastAccessCheckpoint {
            summary.lastCheckpointSequence = last.sequence
            summary.lastCheckpointEntities = last.entityCount
            summary.lastCheckpointWritten = last.written
        }
        summary.searchDocuments = (try? community.searchIndex.count()) ?? 0
        switch community.searchIndexStart {
        case .snapshot(let sequence, _, _, let caughtUp):
            summary.searchStartSnapshot = sequence
            summary.searchCaughtUp = caughtUp
        case .fullBuild(let fallback):
            summary.searchFallback = fallback?.description
        }
        summary.searchSnapshotFile = community.searchIndexSnapshotFile?.path
        if let last = community.lastSearchIndexSnapshot {
            summary.searchSnapshotSequence = last.sequence
            summary.searchSnapshotWritten = last.written
            summary.searchSnapshotAge = community.clock.now().timeIntervalSince(last.written)
        }
        return summary
    }

    /// Registers ``StoreStatusComponent/checkpointAction``.
    func install(into actions: inout FormActionRegistry) {
        actions.register(StoreStatusComponent.checkpointAction) { [self] request in
            guard let community = administered(by: StandardActions.member(request)) else { return .forbidden }
            guard community.accessCheckpointFile != nil else { return .invalid(["": "No checkpoint file is configured."]) }
            do {
                try community.writeAccessCheckpoint()
            } catch {
                return .invalid(["": "The checkpoint could not be written: \(error)"])
            }
            return .redirect(ProgramActions.back(request, to: StoreStatusComponent.type))
        }
        actions.register(StoreStatusComponent.searchSnapshotAction) { [self] request in
            guard let community = administered(by: StandardActions.member(request)) else { return .forbidden }
            guard community.searchIndexSnapshotFile != nil else { return .invalid(["": "No search snapshot file is configured."]) }
            do {
                try community.writeSearchIndexSnapshot()
            } catch {
                return .invalid(["": "The search snapshot could not be written: \(error)"])
            }
            return .redirect(ProgramActions.back(request, to: StoreStatusComponent.type))
        }
    }
}
