import CommunityModel
import CommunityContent
import CommunityRendering
import Foundation

/// The management console's promoted-results forms: save (add or replace) and delete a
/// ``SearchPromotion``, as the signed-in community manager. Bad fields come back on their
/// field, a refused promotion on the field its typed reason names; a viewer without the
/// management permission gets 403.
enum SearchPromotionActions {
    static func install(into actions: inout FormActionRegistry, link: CommunityLink) {
        actions.register(SearchPromotionsComponent.saveAction) { request in
            guard let community = link.community, community.mayViewKPIs(request.viewer), StandardActions.member(request) != nil else {
                return .forbidden
            }
            let parsed = parse(request)
            guard parsed.errors.isEmpty, let promotion = parsed.promotion else { return .invalid(parsed.errors) }
            do {
                try community.saveSearchPromotion(promotion, by: request.viewer)
            } catch let error as ManagementError {
                switch error {
                case .notPermitted: return .forbidden
                case .invalidPromotion(let reason): return .invalid([reason.field: reason.description])
                default: return .invalid(["": error.description])
                }
            }
            return .redirect(ProgramActions.back(request, to: SearchPromotionsComponent.type))
        }
        actions.register(SearchPromotionsComponent.deleteAction) { request in
            guard let community = link.community, community.mayViewKPIs(request.viewer), StandardActions.member(request) != nil else {
                return .forbidden
            }
            guard let raw = request.field("id"), let id = try? ID<SearchPromotion>(parsing: raw) else {
                return .invalid(["": "Choose a promotion to delete."])
            }
            do {
                try community.deleteSearchPromotion(id, by: request.viewer)
            } catch let error as ManagementError {
                if case .notPermitted = error { return .forbidden }
                return .invalid(["": error.description])
            }
            return .redirect(ProgramActions.back(request, to: SearchPromotionsComponent.type))
        }
    }

    /// The promotion the form describes, or the errors per field.
    static func parse(_ request: ActionRequest) -> (promotion: SearchPromotion?, errors: [String: String]) {
        var errors: [String: String] = [:]
        let keywords = (request.field("keywords") ?? "").split(whereSeparator: { $0 == "," || $0.isNewline }).map(String.init)
        var items: [SearchPromotion.Item] = []
        for line in (request.field("items") ?? "").split(whereSeparator: \.isNewline) {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            guard let item = SearchPromotion.Item(reference: text) else {
                errors["items"] = "Write one item per line as kind:id, such as article:ka-1."
                break
            }
            items.append(item)
        }
        // Articles checked in the picker (`pick.N`), in the picker's order, after the typed items.
        let picks = request.form.compactMap { name, value -> (Int, String)? in
            guard name.hasPrefix(SearchPromotionsComponent.pickPrefix),
                  let n = Int(name.dropFirst(SearchPromotionsComponent.pickPrefix.count)) else { return nil }
            return (n, value)
        }.sorted { $0.0 < $1.0 }
        for (_, value) in picks.prefix(SearchPromotionsComponent.pickLimit) {
            guard let item = SearchPromotion.Item(reference: value.trimmingCharacters(in: .whitespaces)), item.kind == .article else {
                errors["items"] = "Choose articles from the list."
                break
            }
            if !items.contains(item) { items.append(item) }
        }
        let locale = (request.field("locale") ?? "").trimmingCharacters(in: .whitespaces)
        let startsAt = date(request.field("startsAt"), field: "startsAt", errors: &errors)
        let endsAt = date(request.field("endsAt"), field: "endsAt", errors: &errors)
        var id: ID<SearchPromotion> = .generate(prefix: "sp")
        if let raw = request.field("id"), !raw.isEmpty {
            guard let parsed = try? ID<SearchPromotion>(parsing: raw) else { return (nil, ["": "The promotion's id is not valid."]) }
            id = parsed
        }
        let promotion = SearchPromotion(
            id: id, keywords: keywords, locale: locale.isEmpty ? nil : locale, items: items, startsAt: startsAt, endsAt: endsAt)
        if errors.isEmpty {
            do { try promotion.check() } catch { errors[error.field] = error.description }
        }
        return (errors.isEmpty ? promotion : nil, errors)
    }

    /// A `YYYY-MM-DD` day as its UTC midnight; empty is `nil`, anything else an error on the field.
    static func date(_ text: String?, field: String, errors: inout [String: String]) -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...9999).contains(y), (1...12).contains(m), (1...31).contains(d) else {
            errors[field] = "Enter the date as YYYY-MM-DD."
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(year: y, month: m, day: d)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else {
            errors[field] = "Enter the date as YYYY-MM-DD."
            return nil
        }
        return date
    }
}
