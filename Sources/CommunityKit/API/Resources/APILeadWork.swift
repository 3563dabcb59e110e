import CommunityModel
import CommunityEngagement
import CommunityRendering
import Foundation

/// A lead with its registration status, and the channel manager's approval decision through
/// the same ``ApprovalEngine`` the approval queue page's form uses.
extension APIResources {
    /// The schemas of lead work.
    static let leadWorkSchemas: [String: APISchema] = [
        "Lead": .object([
            APIProperty("id", .string(maxLength: 200), required: true), APIProperty("object", .string(maxLength: 80), required: true),
            APIProperty("fields", .object([], additional: .fieldValue), required: true),
            APIProperty("version", .nullable(.integer(minimum: 0, maximum: Int.max))),
            APIProperty("registrationStatus", .choice(Lead.Status.allCases.map(\.rawValue)), required: true,
                        "Where the deal registration stands (submitted, approved, rejected…)."),
            APIProperty("approval", .nullable(.reference("Approval")), required: true, "The latest approval request of the lead, if any."),
        ]),
        "Approval": .object([
            APIProperty("id", .string(maxLength: 200), required: true),
            APIProperty("status", .choice(ApprovalRequest.Status.allCases.map(\.rawValue)), required: true),
            APIProperty("step", .integer(minimum: 1, maximum: 1_000), required: true),
        ]),
    ]

    static var leadWork: [APIEndpoint] {
        [
            APIEndpoint("getLead", .get, "/leads/{id}", summary: "One lead, with its registration status and latest approval request.", tag: "leads",
                        scope: APIScope(.records, .read), parameters: [.pathID("id", "The lead id.")], response: .reference("Lead")) { context in
                try lead(context, id: context.path("id"))
            },
            APIEndpoint("decideLeadApproval", .post, "/leads/{id}/approval", summary: "Approves or rejects a lead's pending registration (its approvers).",
                        tag: "leads", scope: APIScope(.records, .write), parameters: [.pathID("id", "The lead id.")],
                        body: .object([
                            APIProperty("decision", .choice(["approve", "reject"]), required: true),
                            APIProperty("reason", .string(minLength: 0, maxLength: 4_000), "Why; kept in the approval history."),
                        ]), response: .reference("Lead"), allowsGuest: false) { context in
                let user = try siteMember(context)
                let id = context.path("id")
                _ = try APIRecords.get(context, object: "Lead", id: id)
                guard let leadID = try? ID<Lead>(parsing: id) else { throw APIProblem.notFound("No such lead.") }
                guard let pending = try context.community.approvals.requests(for: ApprovalItem(leadID)).last(where: { $0.status == .pending }) else {
                    throw APIProblem.conflict("Lead \(leadID.rawValue) has no pending approval request.")
                }
                let reason = context.string("reason") ?? ""
                if context.string("decision") == "approve" {
                    _ = try context.community.approvals.approve(pending.id, by: user, comment: reason)
                } else {
                    _ = try context.community.approvals.reject(pending.id, by: user, comment: reason)
                }
                return try lead(context, id: id)
            },
        ]
    }

    /// A lead the viewer may read, as a record with its registration status and latest approval request.
    static func lead(_ context: APIContext, id: String) throws -> APIReply {
        var reply = try APIRecords.get(context, object: "Lead", id: id)
        guard let leadID = try? ID<Lead>(parsing: id), let lead = try context.community.store.snapshot().value(leadID),
              case .object(var object)? = reply.body else { throw APIProblem.notFound("No such lead.") }
        object["registrationStatus"] = .string(lead.status.rawValue)
        object["approval"] = try context.community.approvals.requests(for: ApprovalItem(leadID)).last.map { request in
            .object(["id": .string(request.id.rawValue), "status": .string(request.status.rawValue), "step": .number(Double(request.stepIndex + 1))])
        } ?? .null
        reply.body = .object(object)
        return reply
    }
}
