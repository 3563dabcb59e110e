import CommunityModel
import CommunityContent
import CommunityRendering
import Foundation

/// The synonym administration's form actions, as the signed-in administrator: save a group
/// (add, or replace the one named by `id`) and delete one. Fields are parsed first; a bad
/// value comes back on its field in the viewer's language, a viewer without the management
/// permission gets 403, and nothing is written unless the whole group is valid.
enum SynonymActions {
    static func install(into actions: inout FormActionRegistry, link: CommunityLink) {
        actions.register(SynonymGroupsComponent.saveAction) { request in
            guard let community = link.community, community.mayViewKPIs(request.viewer), StandardActions.member(request) != nil else {
                return .forbidden
            }
            var errors: [String: String] = [:]
            let localeField = request.field("locale") ?? ""
            let locale: String? = localeField.isEmpty ? nil : localeField
            let kind = SynonymGroup.Kind(rawValue: request.field("kind") ?? "")
            if kind == nil { errors["kind"] = request.text("synonyms.error.kind") }
            var id = ID<SynonymGroup>.generate(prefix: "syn")
            if let given = request.field("id"), !given.isEmpty {
                guard let parsed = try? ID<SynonymGroup>(parsing: given), (try? community.synonyms.group(parsed)) != nil else {
                    return .invalid(["": request.text("synonyms.error.unknown")])
                }
                id = parsed
            }
            guard errors.isEmpty, let kind else { return .invalid(errors) }
            let group = SynonymGroup(
                id: id, locale: locale, kind: kind, terms: Self.terms(request.field("terms") ?? ""),
                targets: Self.terms(request.field("targets") ?? ""))
            return Self.perform(request) { try community.saveSynonymGroup(group, by: request.viewer) }
        }
        actions.register(SynonymGroupsComponent.deleteAction) { request in
            guard let community = link.community, community.mayViewKPIs(request.viewer), StandardActions.member(request) != nil else {
                return .forbidden
            }
            guard let id = request.field("id").flatMap({ try? ID<SynonymGroup>(parsing: $0) }) else {
                return .invalid(["": request.text("synonyms.error.unknown")])
            }
            return Self.perform(request) { try community.deleteSynonymGroup(id, by: request.viewer) }
        }
    }

    /// Runs a change and answers with the console again, or with the refusal: a group's problem
    /// on its field, 403 for a viewer without the permission, and otherwise the management
    /// error's own message or the translated "not saved" (never an internal description).
    static func perform(_ request: ActionRequest, _ change: () throws -> Void) -> ActionResult {
        do {
            try change()
        } catch let error as SynonymGroupError {
            return .invalid(Self.fieldErrors(error, request))
        } catch let error as ManagementError {
            if case .notPermitted = error { return .forbidden }
            return .invalid(["": error.description])
        } catch {
            return .invalid(["": request.text("form.unexpectedError")])
        }
        return .redirect(ProgramActions.back(request, to: SynonymGroupsComponent.type))
    }

    /// A field's terms: one per line or separated by commas, trimmed, empty ones dropped.
    static func terms(_ text: String) -> [String] {
        text.split { $0 == "\n" || $0 == "," || $0 == "\r" }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// A group's refusal on the form field it concerns, in the viewer's language.
    static func fieldErrors(_ error: SynonymGroupError, _ request: ActionRequest) -> [String: String] {
        switch error {
        case .invalidLocale: return ["locale": request.text("synonyms.error.locale")]
        case .unknownGroup: return ["": request.text("synonyms.error.unknown")]
        default:
            if error.field == .targets { return ["targets": request.text("synonyms.error.targets")] }
            return ["terms": request.text("synonyms.error.terms")]
        }
    }
}
