import CommunityModel
import CommunityEngagement
import CommunityRendering

/// The agent case work actions: move a case to another status, take a case from a queue, as the
/// signed-in internal member. Partners, customers and guests get 403; so does an agent who may
/// not edit (status) or read (pick) the case. An unknown case, a status the lifecycle does not
/// allow from the current one, or a case someone else took meanwhile are form errors.
enum CaseWorkActions {
    static func install(into actions: inout FormActionRegistry, cases: CaseService) {
        actions.register(CaseWorkComponent.statusAction) { request in
            guard let user = StandardActions.member(request), request.viewer.user?.kind == .internal else { return .forbidden }
            guard let id = StandardActions.parse(request.field("case"), as: Case.self) else { return .invalid(["": request.text("caseWork.unknown")]) }
            guard let status = request.field("status") else { return .invalid(["status": request.text("caseWork.statusMissing")]) }
            do {
                try cases.changeStatus(id, to: status, by: user)
            } catch let error as CaseError {
                switch error {
                case .unknownStatus: return .invalid(["status": request.text("caseWork.statusMissing")])
                case .illegalTransition(_, let from, let to):
                    return .invalid(["status": request.text("caseWork.illegalTransition", ["from": from, "to": to])])
                case .unknownCase: return .invalid(["": request.text("caseWork.unknown")])
                default: throw error
                }
            } catch is AccessDenied {
                return .forbidden
            }
            return .redirect(StandardActions.link(request.site, objectType: "Case", id: id.rawValue))
        }
        actions.register(CaseWorkComponent.pickAction) { request in
            guard let user = StandardActions.member(request), request.viewer.user?.kind == .internal else { return .forbidden }
            guard let id = StandardActions.parse(request.field("case"), as: Case.self) else { return .invalid(["": request.text("caseWork.unknown")]) }
            do {
                try cases.pick(id, by: user)
            } catch let error as CaseError {
                switch error {
                case .cannotPick: return .invalid(["": request.text("caseWork.cannotPick")])
                case .unknownCase: return .invalid(["": request.text("caseWork.unknown")])
                default: throw error
                }
            } catch is AccessDenied {
                return .forbidden
            }
            return .redirect(StandardActions.link(request.site, objectType: "Case", id: id.rawValue))
        }
    }
}
