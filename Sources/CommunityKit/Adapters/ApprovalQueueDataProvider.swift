import CommunityModel
import CommunityAccess
import CommunityEngagement
import CommunityRendering
import Foundation

/// Feeds the approval queue component from the shared ``ApprovalEngine``: the requests the
/// viewer may decide now, each item named in words (a lead's company and contact, a fund
/// request's activity and amount, an employee request's kind and details).
struct ApprovalQueueDataProvider: ApprovalQueueProvider {
    let approvals: ApprovalEngine
    let store: any Store
    let access: AccessEngine

    func pendingApprovals(viewer: Viewer, limit: Int) throws -> [ApprovalSummary] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0, let user = viewer.user, !viewer.isGuest else { return [] }
        let reader = store.snapshot()
        return try approvals.pendingRequests(for: user.id).prefix(limit).map { request in
            let steps = approvals.process(named: request.processName)?.steps ?? []
            let step = steps.indices.contains(request.stepIndex) ? steps[request.stepIndex].name : ""
            return ApprovalSummary(
                id: request.id.rawValue, process: Self.processTitle(request.processName), item: try Self.describe(request.item, in: reader), 
                step: step, submitter: access.snapshot.user(request.submitterID)?.name ?? "", submitted: request.submittedAt,
                processKind: Self.processKind(request.processName), amount: try Self.amount(of: request.item, in: reader))
        }
    }

    /// The process in words.
    static func processTitle(_ name: String) -> String {
        switch name {
        case DealRegistrationService.processName: "Lead registration"
        case MarketDevelopmentFundService.requestProcess: "Fund request"
        case MarketDevelopmentFundService.claimProcess: "Fund claim"
        default:
            name.hasPrefix("employee.") ? "Employee request (\(name.dropFirst("employee.".count)))" : name
        }
    }

    /// The built-in process, which the queue names in the viewer's language; `nil` for a host's own.
    static func processKind(_ name: String) -> ApprovalProcessKind? {
        switch name {
        case DealRegistrationService.processName: .leadRegistration
        case MarketDevelopmentFundService.requestProcess: .fundRequest
        case MarketDevelopmentFundService.claimProcess: .fundClaim
        default: name.hasPrefix("employee.") ? .employeeRequest(kind: String(name.dropFirst("employee.".count))) : nil
        }
    }

    /// The amount a fund request or claim asks for; `nil` for other items.
    static func amount(of item: ApprovalItem, in reader: any StoreReader) throws -> Decimal? {
        if let id = item.id(as: FundRequest.self) { return try reader.value(id)?.amount }
        if let id = item.id(as: FundClaim.self) { return try reader.value(id)?.amount }
        return nil
    }

    /// The item in words (amounts apart, see ``amount(of:in:)``); its type and id when it is of a kind this adapter does not know or is gone.
    static func describe(_ item: ApprovalItem, in reader: any StoreReader) throws -> String {
        if let id = item.id(as: Lead.self), let lead = try reader.value(id) {
            let contact = [lead.firstName, lead.lastName].filter { !$0.isEmpty }.joined(separator: " ")
            return contact.isEmpty ? lead.company : "\(lead.company) (\(contact))"
        }
        if let id = item.id(as: FundRequest.self), let request = try reader.value(id) {
            return "\(request.activity) (\(request.period))"
        }
        if let id = item.id(as: FundClaim.self), let claim = try reader.value(id) {
            return try reader.value(claim.requestID).map { "\($0.activity) (\($0.period))" } ?? claim.id.rawValue
        }
        if let id = item.id(as: EmployeeRequest.self), let request = try reader.value(id) {
            let days = [request.startDay, request.endDay].compactMap { $0?.description }.joined(separator: " – ")
            return days.isEmpty ? request.details : "\(request.details) (\(days))"
        }
        return item.description
    }
}
