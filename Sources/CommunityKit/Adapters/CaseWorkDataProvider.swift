import CommunityModel
import CommunityEngagement
import CommunityRendering

/// The agent case work panel and case queue from ``CaseService``: a case's status, the statuses
/// its lifecycle allows next (when the agent may edit it), whether the agent may take it from a
/// queue, and the open cases of the queues the agent belongs to. Internal users only.
struct CaseWorkDataProvider: CaseWorkProvider {
    let cases: CaseService
    let store: any Store

    func caseWork(caseID: String, viewer: Viewer) throws -> CaseWorkSummary? {
        guard let user = viewer.user, user.kind == .internal, let id = try? ID<Case>(parsing: caseID) else { return nil }
        let record: Case
        do {
            record = try cases.case(id, viewer: user.id)
        } catch is AccessDenied {
            return nil
        } catch CaseError.unknownCase {
            return nil
        }
        let reader = store.snapshot()
        let environment = cases.environment
        let lifecycle = cases.configuration.lifecycle
        let canEdit = try environment.access.isAllowed(.edit, user: user.id, record: record, in: reader)
        let next = canEdit ? lifecycle.statuses.filter { lifecycle.allows(from: record.status, to: $0) } : []
        let owner: String
        var canPick = false
        switch record.owner {
        case .user(let id):
            owner = try reader.value(id)?.name ?? id.rawValue
        case .queue(let queue):
            owner = try reader.value(queue)?.name ?? queue.rawValue
            canPick = try environment.directory.members(of: queue, in: reader).contains(user.id)
        }
        return CaseWorkSummary(id: record.id.rawValue, status: record.status, nextStatuses: next, owner: owner, canPick: canPick)
    }

    func queuedCases(viewer: Viewer, limit: Int) throws -> [QueuedCaseSummary] {
        guard let user = viewer.user, user.kind == .internal, limit > 0 else { return [] }
        let reader = store.snapshot()
        var out: [QueuedCaseSummary] = []
        for queue in try reader.all(Queue.self).map(\.value).sorted(by: { $0.id < $1.id }) where queue.objects.contains(Case.entityType) {
            guard try cases.environment.directory.members(of: queue.id, in: reader).contains(user.id) else { continue }
            out += try cases.queueCases(queue.id, viewer: user.id).map {
                QueuedCaseSummary(id: $0.id.rawValue, subject: $0.subject, queue: queue.name, priority: $0.priority.rawValue, opened: $0.createdAt)
            }
        }
        return Array(out.sorted { ($0.opened, $0.id) < ($1.opened, $1.id) }.prefix(limit))
    }
}
