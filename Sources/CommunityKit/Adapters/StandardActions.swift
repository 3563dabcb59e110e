import CommunityModel
import CommunityEngagement
import CommunityRendering

/// The form actions of the built-in components, dispatched to the services as the viewer.
enum StandardActions {
    static func install(
        into actions: inout FormActionRegistry, engagement: Engagement, cases: CaseService, deals: DealRegistrationService,
        knowledge: any KnowledgeProvider, store: any Store
    ) {
        actions.register("selfRegister") { request in try SelfRegistration.register(request, store: store) }
        actions.register("askQuestion") { request in
            guard let user = request.viewer.user?.id else { return .forbidden }
            var errors: [String: String] = [:]
            if request.field("title") == nil { errors["title"] = "Enter a title." }
            if request.field("body") == nil { errors["body"] = "Describe your question." }
            if !errors.isEmpty { return .invalid(errors) }
            let topics = request.field("topic").map { [$0] } ?? []
            return try outcome {
                let question = try engagement.questions.ask(title: request.field("title")!, body: request.field("body")!, topics: topics, by: user)
                return .redirect(link(request.site, objectType: "Question", id: question.id.rawValue))
            }
        }
        actions.register("answerQuestion") { request in
            guard let user = request.viewer.user?.id else { return .forbidden }
            guard let question = request.field("question"), ID<Question>.isValid(question) else { return .invalid(["": "Unknown question."]) }
            guard let body = request.field("body") else { return .invalid(["body": "Write an answer."]) }
            return try outcome {
                try engagement.questions.answer(ID(question), body: body, by: user)
                return .redirect(link(request.site, objectType: "Question", id: question))
            }
        }
        actions.register("voteIdea") { request in
            guard let user = request.viewer.user?.id else { return .forbidden }
            guard let idea = request.field("idea"), ID<Idea>.isValid(idea) else { return .invalid(["": "Unknown idea."]) }
            return try outcome {
                _ = try engagement.ideas.vote(ID(idea), value: 1, by: user)
                return .redirect(home(request.site, page: "ideas"))
            }
        }
        actions.register("submitCase") { request in
            guard let user = request.viewer.user?.id else { return .forbidden }
            var errors: [String: String] = [:]
            if request.field("subject") == nil { errors["subject"] = "Enter a subject." }
            if request.field("description") == nil { errors["description"] = "Describe the problem." }
            let priority = Case.Priority(rawValue: request.field("priority") ?? "medium")
            if priority == nil { errors["priority"] = "Choose low, medium or high." }
            if !errors.isEmpty { return .invalid(errors) }
            return try outcome {
                let record = try cases.submit(CaseDraft(subject: request.field("subject")!, description: request.field("description")!, priority: priority!), by: user)
                return .redirect(link(request.site, objectType: "Case", id: record.id.rawValue))
            }
        }
        actions.register("registerLead") { request in
            guard let user = request.viewer.user?.id else { return .forbidden }
            var errors: [String: String] = [:]
            if request.field("company") == nil { errors["company"] = "Enter the company." }
            if request.field("lastName") == nil { errors["lastName"] = "Enter the contact's last name." }
            if !errors.isEmpty { return .invalid(errors) }
            return try outcome {
                let draft = LeadRegistrationDraft(
                    firstName: request.field("firstName") ?? "", lastName: request.field("lastName")!, company: request.field("company")!,
                    email: request.field("email"), product: request.field("product"))
                let lead = try deals.register(draft, by: user).lead
                return .redirect(link(request.site, objectType: "Lead", id: lead.id.rawValue))
            }
        }
        actions.register("articleVote") { request in
            guard request.viewer.user != nil else { return .forbidden }
            guard let article = request.field("article") else { return .invalid(["": "Unknown article."]) }
            return try outcome {
                try knowledge.vote(articleID: article, helpful: request.field("helpful") == "yes", viewer: request.viewer)
                return .redirect(home(request.site, page: nil))
            }
        }
    }

    /// Runs a service call; access denials become 403, other errors a form-level message.
    static func outcome(_ body: () throws -> ActionResult) throws -> ActionResult {
        do {
            return try body()
        } catch is AccessDenied {
            return .forbidden
        } catch let error as EngagementError {
            if case .notAllowed = error { return .forbidden }
            return .invalid(["": error.description])
        } catch {
            return .invalid(["": "\(error)"])
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
