import CommunityModel
import CommunityEngagement
import CommunityRendering
import Foundation

/// The approval queue's form action: approve or reject a pending request with an optional
/// comment, as the signed-in member. Someone who is not an approver of the request's current
/// step gets a 403; a request decided meanwhile, a bad id or a too-long comment are form errors.
enum ApprovalActions {
    static func install(into actions: inout FormActionRegistry, approvals: ApprovalEngine) {
        actions.register(ApprovalQueueComponent.action) { request in
            guard let user = StandardActions.member(request) else { return .forbidden }
            guard let id = StandardActions.parse(request.field("request"), as: ApprovalRequest.self) else {
                return .invalid(["": request.text("approvals.unknown")])
            }
            let comment = request.field("comment") ?? ""
            guard comment.count <= 4_000 else { return .invalid(["comment": request.text("approvals.commentTooLong")]) }
            let approve: Bool
            switch request.field("decision") {
            case "approve": approve = true
            case "reject": approve = false
            default: return .invalid(["": request.text("approvals.chooseDecision")])
            }
            do {
                if approve {
                    try approvals.approve(id, by: user, comment: comment)
                } else {
                    try approvals.reject(id, by: user, comment: comment)
                }
            } catch let error as ApprovalError {
                switch error {
                case .notAnApprover, .notSubmitter: return .forbidden
                case .unknownRequest: return .invalid(["": request.text("approvals.unknown")])
                case .notPending, .concurrentDecision: return .invalid(["": request.text("approvals.alreadyDecided")])
                case .commentTooLong: return .invalid(["comment": request.text("approvals.commentTooLong")])
                default: return .invalid(["": request.text("form.rejected")])
                }
            } catch {
                return try StandardActions.outcome(request) { throw error }
            }
            return .redirect(ProgramActions.back(request, to: ApprovalQueueComponent.type))
        }
    }
}
