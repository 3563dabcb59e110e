import CommunityModel
import CommunityContent
import CommunityEngagement
import CommunityRendering

/// The form actions of the built-in components, dispatched to the services as the viewer.
///
/// Every field arrives as untrusted text: identifiers are parsed with `ID(parsing:)` (a
/// malformed one is a form error, never a trap), required fields are bound once with
/// `guard let`, and only signed-in members of the site may post (guests and other users get 403).
enum StandardActions {
    static func install(
        into actions: inout FormActionRegistry, engagement: Engagement, cases: CaseService, deals: DealRegistrationService,
        knowledge: any KnowledgeProvider, store: any Store
    ) {
        actions.register("selfRegister") { request in try SelfRegistration.register(request, store: store, moderation: engagement.moderation) }
        actions.register("askQuestion") { request in
            guard let user = member(request) else { return .forbidden }
            let title = request.field("title"), body = request.field("body")
            guard let title, let body else {
                var errors: [String: String] = [:]
                if title == nil { errors["title"] = request.text("ask.titleMissing") }
                if body == nil { errors["body"] = request.text("ask.detailsMissing") }
                return .invalid(errors)
            }
            let topics = request.field("topic").map { [$0] } ?? []
            return try outcome(request) {
                let question = try engagement.questions.ask(title: title, body: body, topics: topics, site: request.site.id, by: user)
                return .redirect(link(request.site, objectType: "Question", id: question.id.rawValue))
            }
        }
        actions.register("answerQuestion") { request in
            guard let user = member(request) else { return .forbidden }
            guard let question = parse(request.field("question"), as: Question.self) else { return .invalid(["": request.text("question.unknown")]) }
            guard let body = request.field("body") else { return .invalid(["body": request.text("question.answerMissing")]) }
            return try outcome(request) {
                try engagement.questions.answer(question, body: body, site: request.site.id, by: user)
                return .redirect(link(request.site, objectType: "Question", id: question.rawValue))
            }
        }
        actions.register("voteIdea") { request in
            guard let user = member(request) else { return .forbidden }
            guard let idea = parse(request.field("idea"), as: Idea.self) else { return .invalid(["": request.text("ideas.unknown")]) }
            return try outcome(request) {
                // Only an idea the site shows may be voted on from it.
                _ = try engagement.ideas.idea(idea, viewer: user, site: request.site.id)
                _ = try engagement.ideas.vote(idea, value: 1, by: user)
                return .redirect(home(request.site, page: "ideas"))
            }
        }
        actions.register("submitCase") { request in
            guard let user = member(request) else { return .forbidden }
            let subject = request.field("subject"), description = request.field("description")
            let priority = Case.Priority(rawValue: request.field("priority") ?? "medium")
            guard let subject, let description, let priority else {
                var errors: [String: String] = [:]
                if subject == nil { errors["subject"] = request.text("case.subjectMissing") }
                if description == nil { errors["description"] = request.text("case.descriptionMissing") }
                if priority == nil { errors["priority"] = request.text("case.priorityInvalid") }
                return .invalid(errors)
            }
            return try outcome(request) {
                let record = try cases.submit(CaseDraft(subject: subject, description: description, priority: priority, site: request.site.id), by: user)
                return .redirect(link(request.site, objectType: "Case", id: record.id.rawValue))
            }
        }
        actions.register("registerLead") { request in
            guard let user = member(request) else { return .forbidden }
            let company = request.field("company"), lastName = request.field("lastName")
            guard let company, let lastName else {
                var errors: [String: String] = [:]
                if company == nil { errors["company"] = request.text("lead.companyMissing") }
                if lastName == nil { errors["lastName"] = request.text("lead.lastNameMissing") }
                return .invalid(errors)
            }
            return try outcome(request) {
                let draft = LeadRegistrationDraft(
                    firstName: request.field("firstName") ?? "", lastName: lastName, company: company,
                    email: request.field("email"), product: request.field("product"), site: request.site.id)
                let lead = try deals.register(draft, by: user).lead
                return .redirect(link(request.site, objectType: "Lead", id: lead.id.rawValue))
            }
        }
        actions.register("articleVote") { request in
            guard member(request) != nil else { return .forbidden }
            guard let article = parse(request.field("article"), as: KnowledgeArticle.self) else {
                return .invalid(["": request.text("article.unknown")])
            }
            return try outcome(request) {
                // The vote counts in the site it was given in.
                let provider = (knowledge as? ContentKnowledgeProvider)?.bound(to: request.site.id) ?? knowledge
                try provider.vote(articleID: article.rawValue, helpful: request.field("helpful") == "yes", viewer: request.viewer)
                return .redirect(home(request.site, page: nil))
            }
        }
    }

    /// The submitting user when they are a signed-in member of the site; `nil` for the guest
    /// and for users the site does not count as members.
    static func member(_ request: ActionRequest) -> ID<User>? {
        guard let user = request.viewer.user, !request.viewer.isGuest, request.site.isMember(request.viewer) else { return nil }
        return user.id
    }

    /// A form field parsed as an identifier; `nil` when missing, empty, too long or malformed.
    static func parse<Entity>(_ text: String?, as _: Entity.Type) -> ID<Entity>? {
        guard let text else { return nil }
        return try? ID<Entity>(parsing: text)
    }

    /// Runs a service call; access denials become 403, errors the person can act on a translated
    /// form-level message; anything else is rethrown, for the responder to log and answer with
    /// its general message (no error text reaches the page).
    static func outcome(_ request: ActionRequest, _ body: () throws -> ActionResult) throws -> ActionResult {
        do {
            return try body()
        } catch is AccessDenied {
            return .forbidden
        } catch let error as EngagementError {
            switch error {
            case .notAllowed: return .forbidden
            case .invalid, .richText, .blocked, .memberFrozen, .memberSuspended, .groupFull, .groupArchived: return .invalid(["": request.text("form.rejected")])
            default: throw error
            }
        } catch let error as KnowledgeError {
            switch error {
            case .notAllowed: return .forbidden
            case .unknownArticle: return .invalid(["": request.text("article.unknown")])
            default: throw error
            }
        }
    }

    static func link(_ site: Site, objectType: String, id: String) -> SafeURL {
        if let page = site.pages.first(where: { $0.objectType == objectType && $0.parameter != nil }), let url = site.url(of: page.id, parameter: id) {
            return url
        }
        return home(site, page: nil)
    }

    static func home(_ site: Site, page: String?) -> SafeURL {
        page.flatMap { site.url(of: $0) } ?? SafeURL.path([], prefix: site.urlPrefix)
    }
}
