import CommunityModel
import CommunityEngagement
import CommunityRendering
import Foundation

/// The form actions of the employee portal component: submit a request, publish an
/// announcement, as the signed-in internal member. Untrusted fields are parsed first; an
/// unknown kind or a malformed day comes back on its field, a refusal by the portal as 403.
enum EmployeeActions {
    static func install(into actions: inout FormActionRegistry, portal: EmployeePortal, kinds: [String]) {
        actions.register(EmployeePortalComponent.requestAction) { request in
            guard let user = StandardActions.member(request), EmployeeDataProvider.employee(request.viewer) != nil else { return .forbidden }
            var errors: [String: String] = [:]
            let kind = request.field("kind")
            if kind.map(kinds.contains) != true { errors["kind"] = request.text("employee.kindInvalid", ["kinds": kinds.joined(separator: ", ")]) }
            let details = request.field("details")
            if details == nil { errors["details"] = request.text("employee.detailsMissing") }
            let start = day(request.field("start"), field: "start", request: request, errors: &errors)
            let end = day(request.field("end"), field: "end", request: request, errors: &errors)
            if let start, let end, end < start { errors["end"] = request.text("employee.endBeforeStart") }
            guard errors.isEmpty, let kind, let details else { return .invalid(errors) }
            return try outcome(request, field: ["EmployeeRequest.Details": "details"]) {
                _ = try portal.submitRequest(kind: kind, details: details, startDay: start, endDay: end, by: user)
                return .redirect(ProgramActions.back(request, to: EmployeePortalComponent.type))
            }
        }
        actions.register(EmployeePortalComponent.publishAction) { request in
            guard let user = StandardActions.member(request), EmployeeDataProvider.employee(request.viewer) != nil else { return .forbidden }
            let title = request.field("title")
            let body = request.field("body")
            guard let title, let body else {
                var errors: [String: String] = [:]
                if title == nil { errors["title"] = request.text("employee.titleMissing") }
                if body == nil { errors["body"] = request.text("employee.bodyMissing") }
                return .invalid(errors)
            }
            let departments = request.field("department").map { Set([$0]) } ?? []
            return try outcome(request, field: ["Announcement.Title": "title", "Announcement.Body": "body"]) {
                try portal.publish(title: title, body: body, departments: departments, by: user)
                return .redirect(ProgramActions.back(request, to: EmployeePortalComponent.type))
            }
        }
    }

    /// An optional `YYYY-MM-DD` field: `nil` when blank, the day when valid, `nil` with an
    /// error on the field when malformed.
    private static func day(_ text: String?, field: String, request: ActionRequest, errors: inout [String: String]) -> Day? {
        guard let text else { return nil }
        do {
            return try Day(parsing: text)
        } catch {
            errors[field] = request.text("employee.dayInvalid")
            return nil
        }
    }

    /// Runs a portal call: refusals become 403, a rejected value an error on its form field.
    private static func outcome(
        _ request: ActionRequest, field names: [String: String], _ body: () throws -> ActionResult
    ) throws -> ActionResult {
        do {
            return try body()
        } catch let error as EmployeeError {
            switch error {
            case .notAnEmployee, .notAPublisher: return .forbidden
            case .invalid(let validation): return .invalid([names[validation.field] ?? "": request.text("form.fieldRejected")])
            case .unknownRequest: return .invalid(["": request.text("form.rejected")])
            }
        } catch {
            return try StandardActions.outcome(request) { throw error }
        }
    }
}
