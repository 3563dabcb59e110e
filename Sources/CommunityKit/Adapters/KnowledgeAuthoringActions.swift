import CommunityModel
import CommunityContent
import CommunityRendering

/// The knowledge authoring actions: draft a new article, save an article's draft, publish or
/// archive it, set its channels and data category, as the signed-in member. ``KnowledgeService``
/// checks the `manageKnowledge` permission (others get 403); its refusals (a missing title, text
/// too long, no channel, an unknown category or article, a version that cannot move) are form
/// errors that write nothing.
enum KnowledgeAuthoringActions {
    typealias Component = KnowledgeAuthoringComponent

    static func install(into actions: inout FormActionRegistry, knowledge: KnowledgeService) {
        actions.register(Component.createAction) { request in
            guard let user = author(request) else { return .forbidden }
            guard let title = request.field("title") else { return .invalid(["title": request.text("knowledgeAuthoring.titleMissing")]) }
            let locales = request.site.locales.isEmpty ? [request.locale] : request.site.locales
            guard let locale = request.field("locale"), locales.contains(locale) else {
                return .invalid(["locale": request.text("knowledgeAuthoring.unknownLocale")])
            }
            guard let categories = categories(request) else { return .invalid(["category": request.text("knowledgeAuthoring.unknownCategory")]) }
            return try answer(request) {
                _ = try knowledge.createArticle(
                    locale: locale, content: content(request, title: title), categories: categories, channels: channels(request), by: user)
            }
        }
        actions.register(Component.draftAction) { request in
            guard let user = author(request) else { return .forbidden }
            guard let article = StandardActions.parse(request.field("article"), as: KnowledgeArticle.self),
                  let stored = try knowledge.article(article) else { return .invalid(["": request.text("knowledgeAuthoring.unknown")]) }
            guard let title = request.field("title") else { return .invalid(["title": request.text("knowledgeAuthoring.titleMissing")]) }
            return try answer(request) {
                try knowledge.saveDraft(article, locale: stored.masterLocale, content: content(request, title: title), by: user)
            }
        }
        actions.register(Component.statusAction) { request in
            guard let user = author(request) else { return .forbidden }
            guard let article = StandardActions.parse(request.field("article"), as: KnowledgeArticle.self),
                  let stored = try knowledge.article(article) else { return .invalid(["": request.text("knowledgeAuthoring.unknown")]) }
            switch request.field("decision") {
            case "publish": return try answer(request) { try knowledge.publish(article, locale: stored.masterLocale, by: user) }
            case "archive": return try answer(request) { try knowledge.archive(article, locale: stored.masterLocale, by: user) }
            default: return .invalid(["": request.text("knowledgeAuthoring.decision")])
            }
        }
        actions.register(Component.settingsAction) { request in
            guard let user = author(request) else { return .forbidden }
            guard let article = StandardActions.parse(request.field("article"), as: KnowledgeArticle.self),
                  try knowledge.article(article) != nil else { return .invalid(["": request.text("knowledgeAuthoring.unknown")]) }
            guard let categories = categories(request) else { return .invalid(["category": request.text("knowledgeAuthoring.unknownCategory")]) }
            let channels = channels(request)
            guard !channels.isEmpty else { return .invalid(["channels": request.text("knowledgeAuthoring.noChannel")]) }
            return try answer(request) {
                // The category is written first: an unknown one is refused before the channels change.
                try knowledge.setCategories(article, categories, by: user)
                try knowledge.setChannels(article, channels, by: user)
            }
        }
    }

    /// The signed-in member when they may manage knowledge (the service checks it again).
    static func author(_ request: ActionRequest) -> ID<User>? {
        guard request.viewer.permissions.contains(SystemPermission.manageKnowledge.name) else { return nil }
        return StandardActions.member(request)
    }

    /// The article text from the form.
    static func content(_ request: ActionRequest, title: String) -> ArticleContent {
        ArticleContent(title: title, summary: request.field("summary") ?? "", body: request.field("body") ?? "")
    }

    /// The channels whose check boxes are on.
    static func channels(_ request: ActionRequest) -> Set<KnowledgeChannel> {
        Set(Component.channels.filter { request.field("channel-\($0)") == "on" }.compactMap(KnowledgeChannel.init(rawValue:)))
    }

    /// The chosen data category (none when empty); `nil` when the id is malformed.
    static func categories(_ request: ActionRequest) -> [ID<DataCategory>]? {
        guard let text = request.field("category") else { return [] }
        return StandardActions.parse(text, as: DataCategory.self).map { [$0] }
    }

    /// Runs a knowledge call and answers: back to the authoring page, or the refusal as a form error.
    static func answer(_ request: ActionRequest, _ body: () throws -> some Any) throws -> ActionResult {
        do {
            _ = try body()
        } catch let error as KnowledgeError {
            switch error {
            case .notAllowed: return .forbidden
            case .missingTitle: return .invalid(["title": request.text("knowledgeAuthoring.titleMissing")])
            case .fieldTooLong(let field, let limit, let actual):
                let name = field.lowercased().contains("summary") ? "summary" : field.lowercased().contains("body") ? "body" : "title"
                return .invalid([name: request.text("knowledgeAuthoring.tooLong", ["limit": "\(limit)", "actual": "\(actual)"])])
            case .noChannel: return .invalid(["channels": request.text("knowledgeAuthoring.noChannel")])
            case .unknownCategory: return .invalid(["category": request.text("knowledgeAuthoring.unknownCategory")])
            case .invalidLocale: return .invalid(["locale": request.text("knowledgeAuthoring.unknownLocale")])
            case .unknownArticle, .unknownLocale, .unknownVersion: return .invalid(["": request.text("knowledgeAuthoring.unknown")])
            case .illegalTransition(_, _, let from, let action):
                return .invalid(["": request.text("knowledgeAuthoring.illegal", [
                    "status": request.text(UIStringKey("knowledgeAuthoring.status." + from.rawValue)),
                    "action": request.text(UIStringKey("knowledgeAuthoring.status." + (action == "archive" ? "archived" : "published"))),
                ])])
            default: throw error
            }
        }
        return .redirect(ProgramActions.back(request, to: Component.type))
    }
}
