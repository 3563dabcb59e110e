import CommunityModel
import CommunityAccess
import CommunityContent
import CommunityEngagement
import CommunityRendering
import Foundation

/// The resources of the JSON API, as endpoint values. Every handler calls the same services and
/// site-bound providers the pages and form actions use, as the request's viewer; none
/// re-implements a business rule.
enum APIResources {
    // MARK: Schemas

    static let schemas: [String: APISchema] = [
        "Me": .object([
            APIProperty("id", .string(maxLength: 200), required: true), APIProperty("name", .string(maxLength: 500), required: true),
            APIProperty("kind", .string(maxLength: 40), required: true), APIProperty("isGuest", .boolean, required: true),
            APIProperty("locale", .string(maxLength: 40)), APIProperty("accountID", .nullable(.string(maxLength: 200))),
            APIProperty("permissions", .array(.string(maxLength: 200), maxItems: 1000)),
            APIProperty("scopes", .array(.string(maxLength: 100), maxItems: 100)),
            APIProperty("authentication", .string(maxLength: 20), required: true),
            APIProperty("csrfToken", .nullable(.string(maxLength: 200)), "Send it as X-CSRF-Token on unsafe requests authenticated by the session cookie."),
        ]),
        "Record": .object([
            APIProperty("id", .string(maxLength: 200), required: true), APIProperty("object", .string(maxLength: 80), required: true),
            APIProperty("fields", .object([], additional: .fieldValue), required: true),
            APIProperty("version", .nullable(.integer(minimum: 0, maximum: Int.max))),
        ]),
        "RecordPage": page("Record"),
        "CaseDetail": .object([
            APIProperty("record", .reference("Record"), required: true),
            APIProperty("comments", .array(.reference("CaseComment"), maxItems: 10_000), required: true),
            APIProperty("attachments", .array(.string(maxLength: 200), maxItems: 10_000), required: true),
        ]),
        "CaseComment": .object([
            APIProperty("id", .string(maxLength: 200)), APIProperty("author", .string(maxLength: 200), required: true),
            APIProperty("body", .string(maxLength: 100_000), required: true), APIProperty("isPublic", .boolean, required: true),
            APIProperty("posted", .string(maxLength: 40), required: true),
        ]),
        "Registration": .object([
            APIProperty("lead", .reference("Record"), required: true), APIProperty("status", .string(maxLength: 40), required: true),
            APIProperty("needsReview", .boolean, required: true), APIProperty("message", .string(maxLength: 2000)),
        ]),
        "Article": .object([
            APIProperty("id", .string(maxLength: 200), required: true), APIProperty("slug", .string(maxLength: 300), required: true),
            APIProperty("title", .string(maxLength: 1000), required: true), APIProperty("summary", .string(maxLength: 10_000)),
            APIProperty("locale", .string(maxLength: 40)), APIProperty("topics", .array(.string(maxLength: 200), maxItems: 100)),
            APIProperty("body", .string(maxLength: 2_000_000)), APIProperty("helpfulYes", .integer(minimum: 0, maximum: Int.max)),
            APIProperty("helpfulNo", .integer(minimum: 0, maximum: Int.max)),
        ]),
        "ArticleList": list("Article"),
        "Question": .object([
            APIProperty("id", .string(maxLength: 200), required: true), APIProperty("title", .string(maxLength: 1000), required: true),
            APIProperty("author", .string(maxLength: 500)), APIProperty("answerCount", .integer(minimum: 0, maximum: Int.max)),
            APIProperty("isSolved", .boolean), APIProperty("topics", .array(.string(maxLength: 200), maxItems: 100)),
            APIProperty("body", .string(maxLength: 2_000_000)),
            APIProperty("answers", .array(.object([
                APIProperty("author", .string(maxLength: 500)), APIProperty("body", .string(maxLength: 2_000_000)), APIProperty("isBest", .boolean),
            ]), maxItems: 10_000)),
        ]),
        "QuestionList": list("Question"),
        "Idea": .object([
            APIProperty("id", .string(maxLength: 200), required: true), APIProperty("title", .string(maxLength: 1000), required: true),
            APIProperty("score", .integer(minimum: Int.min, maximum: Int.max)), APIProperty("status", .string(maxLength: 80)),
            APIProperty("viewerVoted", .boolean),
        ]),
        "IdeaList": list("Idea"),
        "FeedItem": .object([
            APIProperty("id", .string(maxLength: 200)), APIProperty("author", .string(maxLength: 500), required: true),
            APIProperty("body", .string(maxLength: 2_000_000), required: true),
        ]),
        "FeedList": list("FeedItem"),
        "Notification": .object([
            APIProperty("id", .string(maxLength: 200), required: true), APIProperty("kind", .string(maxLength: 80), required: true),
            APIProperty("title", .string(maxLength: 1000), required: true), APIProperty("body", .string(maxLength: 100_000)),
            APIProperty("link", .nullable(.string(maxLength: 2000))), APIProperty("createdAt", .string(maxLength: 40)),
            APIProperty("read", .boolean, required: true),
        ]),
        "NotificationList": list("Notification"),
        "Topic": .object([
            APIProperty("name", .string(maxLength: 300), required: true), APIProperty("description", .string(maxLength: 10_000)),
            APIProperty("itemCount", .integer(minimum: 0, maximum: Int.max)),
        ]),
        "TopicList": list("Topic"),
        "Explanation": .object([
            APIProperty("user", .string(maxLength: 200), required: true), APIProperty("object", .string(maxLength: 80), required: true),
            APIProperty("recordID", .string(maxLength: 200), required: true), APIProperty("level", .string(maxLength: 40), required: true),
            APIProperty("grants", .array(.object([
                APIProperty("kind", .string(maxLength: 80)), APIProperty("level", .string(maxLength: 40)),
                APIProperty("chain", .array(.string(maxLength: 500), maxItems: 100)),
            ]), maxItems: 1000), required: true),
            APIProperty("notFound", .array(.string(maxLength: 1000), maxItems: 1000)),
        ]),
        "Token": .object([
            APIProperty("id", .string(maxLength: 200), required: true), APIProperty("name", .string(maxLength: 200), required: true),
            APIProperty("kind", .string(maxLength: 40), required: true), APIProperty("scopes", .array(.string(maxLength: 100), maxItems: 100), required: true),
            APIProperty("expiresAt", .string(maxLength: 40), required: true), APIProperty("revoked", .boolean, required: true),
            APIProperty("token", .string(maxLength: 300), "The secret; returned once, when the token is created."),
        ]),
        "TokenList": list("Token"),
    ].merging(caseWorkSchemas) { first, _ in first }.merging(leadWorkSchemas) { first, _ in first }

    private static func list(_ item: String) -> APISchema {
        .object([APIProperty("items", .array(.reference(item), maxItems: 10_000), required: true)])
    }

    private static func page(_ item: String) -> APISchema {
        .object([
            APIProperty("items", .array(.reference(item), maxItems: 10_000), required: true),
            APIProperty("nextCursor", .nullable(.string(maxLength: 200)), required: true),
        ])
    }

    static let objectParameter = APIParameter(
        "object", in: .path, .choice(APIRecords.types.keys.map(\.name).sorted()), "The object (Account, Contact, Lead, Opportunity, Case).")
    static let listParameters: [APIParameter] = [
        .limit(), .cursor,
        APIParameter("field", in: .query, .string(minLength: 1, maxLength: 80), "An indexed field to filter on (with value)."),
        APIParameter("value", in: .query, .string(minLength: 0, maxLength: 500), "The value the field must have."),
        APIParameter("sort", in: .query, .string(minLength: 1, maxLength: 81), "A field to sort by; prefix with - for descending."),
    ]
    static let recordFieldsBody = APISchema.object([APIProperty("fields", .object([], additional: .fieldValue, maxProperties: 100), required: true)])

    // MARK: Endpoints

    static var endpoints: [APIEndpoint] {
        profile + records + cases + caseWork + leads + leadWork + knowledge + community + notifications + topics + admin
    }

    static var profile: [APIEndpoint] {
        [
            APIEndpoint("getMe", .get, "/me", summary: "Who the request acts as.", tag: "profile", scope: APIScope(.profile, .read), response: .reference("Me")) { context in
                let viewer = context.viewer
                var csrf = JSONValue.null
                if context.principal == .session {
                    csrf = .string(context.community.csrfToken(for: viewer, site: context.site.site.id))
                }
                return APIReply(.object([
                    "id": .string(viewer.user?.id.rawValue ?? "guest"), "name": .string(viewer.user?.name ?? "Guest"),
                    "kind": .string(viewer.user?.kind.rawValue ?? "guest"), "isGuest": .bool(viewer.isGuest),
                    "locale": .string(viewer.locale), "accountID": viewer.user?.accountID.map { .string($0.rawValue) } ?? .null,
                    "permissions": .array(viewer.permissions.sorted().map(JSONValue.string)),
                    "scopes": .array(context.principal.scopes.map(\.name).sorted().map(JSONValue.string)),
                    "authentication": .string(context.principal.kindName), "csrfToken": csrf,
                ]))
            },
        ]
    }

    static var records: [APIEndpoint] {
        let idParameter = APIParameter.pathID("id", "The record id.")
        return [
            APIEndpoint("listRecords", .get, "/records/{object}", summary: "Records of an object the viewer may read.", tag: "records",
                        scope: APIScope(.records, .read), parameters: [objectParameter] + listParameters, response: .reference("RecordPage")) { context in
                try APIRecords.list(context, object: context.path("object"))
            },
            APIEndpoint("getRecord", .get, "/records/{object}/{id}", summary: "One record, with the fields the viewer may read.", tag: "records",
                        scope: APIScope(.records, .read), parameters: [objectParameter, idParameter], response: .reference("Record")) { context in
                try APIRecords.get(context, object: context.path("object"), id: context.path("id"))
            },
            APIEndpoint("createRecord", .post, "/records/{object}", summary: "Creates an account, contact or opportunity owned by the viewer.", tag: "records",
                        scope: APIScope(.records, .write), parameters: [objectParameter], body: recordFieldsBody, status: 201, response: .reference("Record"),
                        allowsGuest: false) { context in
                try APIRecords.create(context, object: context.path("object"))
            },
            APIEndpoint("updateRecord", .patch, "/records/{object}/{id}", summary: "Changes fields of a record (If-Match: its ETag).", tag: "records",
                        scope: APIScope(.records, .write), parameters: [objectParameter, idParameter], body: recordFieldsBody, response: .reference("Record"),
                        allowsGuest: false) { context in
                try APIRecords.update(context, object: context.path("object"), id: context.path("id"))
            },
            APIEndpoint("deleteRecord", .delete, "/records/{object}/{id}", summary: "Deletes a record (If-Match: its ETag).", tag: "records",
                        scope: APIScope(.records, .write), parameters: [objectParameter, idParameter], status: 204, response: nil, allowsGuest: false) { context in
                try APIRecords.delete(context, object: context.path("object"), id: context.path("id"))
            },
            APIEndpoint("listOpportunities", .get, "/opportunities", summary: "Opportunities (deals) the viewer may read.", tag: "records",
                        scope: APIScope(.records, .read), parameters: listParameters, response: .reference("RecordPage")) { context in
                try APIRecords.list(context, object: "Opportunity")
            },
            APIEndpoint("getOpportunity", .get, "/opportunities/{id}", summary: "One opportunity.", tag: "records",
                        scope: APIScope(.records, .read), parameters: [idParameter], response: .reference("Record")) { context in
                try APIRecords.get(context, object: "Opportunity", id: context.path("id"))
            },
        ]
    }

    static var cases: [APIEndpoint] {
        let idParameter = APIParameter.pathID("id", "The case id.")
        return [
            APIEndpoint("listCases", .get, "/cases", summary: "Cases the viewer may read.", tag: "cases",
                        scope: APIScope(.cases, .read), parameters: listParameters, response: .reference("RecordPage")) { context in
                try APIRecords.list(context, object: "Case")
            },
            APIEndpoint("getCase", .get, "/cases/{id}", summary: "A case with its comments and attachments.", tag: "cases",
                        scope: APIScope(.cases, .read), parameters: [idParameter], response: .reference("CaseDetail")) { context in
                let record = try APIRecords.get(context, object: "Case", id: context.path("id"))
                guard let user = context.reader(), let caseID = try? ID<Case>(parsing: context.path("id")) else { throw APIProblem.notFound("No such case.") }
                let comments = try context.community.cases.comments(of: caseID, viewer: user)
                let attachments = try context.community.cases.attachments(of: caseID, viewer: user)
                return APIReply(.object([
                    "record": record.body ?? .null,
                    "comments": .array(comments.map { c in .object([
                        "id": .string(c.id.rawValue), "author": .string(c.authorID.rawValue), "body": .string(c.body),
                        "isPublic": .bool(c.isPublic), "posted": .string(ISO8601DateFormatter().string(from: c.createdAt)),
                    ]) }),
                    "attachments": .array(attachments.map(JSONValue.string)),
                ]), etag: record.etag)
            },
            APIEndpoint("submitCase", .post, "/cases", summary: "Submits a case (as the site's case form does).", tag: "cases",
                        scope: APIScope(.cases, .write),
                        body: .object([
                            APIProperty("subject", .text(255), required: true), APIProperty("description", .text(32_000), required: true),
                            APIProperty("priority", .choice(Case.Priority.allCases.map(\.rawValue))), APIProperty("product", .text(255)),
                        ]), status: 201, response: .reference("Record"), allowsGuest: false) { context in
                let user = try siteMember(context)
                let priority = Case.Priority(rawValue: context.string("priority") ?? "medium") ?? .medium
                let record = try context.community.cases.submit(
                    CaseDraft(subject: context.string("subject") ?? "", description: context.string("description") ?? "",
                              product: context.string("product"), priority: priority, site: context.site.site.id), by: user)
                var reply = (try? APIRecords.get(context, object: "Case", id: record.id.rawValue)) ?? APIReply(.object([
                    "id": .string(record.id.rawValue), "object": .string("Case"), "fields": .object([:]), "version": .null,
                ]))
                reply.status = 201
                reply.headers["Location"] = Community.apiPath(of: context.site.site) + "/cases/" + record.id.rawValue
                return reply
            },
            APIEndpoint("addCaseComment", .post, "/cases/{id}/comments", summary: "Adds a public comment to a case.", tag: "cases",
                        scope: APIScope(.cases, .write), parameters: [idParameter],
                        body: .object([APIProperty("body", .text(4_000), required: true), APIProperty("isPublic", .boolean)]),
                        status: 201, response: .reference("CaseComment"), allowsGuest: false) { context in
                let user = try siteMember(context)
                guard let caseID = try? ID<Case>(parsing: context.path("id")) else { throw APIProblem.notFound("No such case.") }
                let comment = try context.community.cases.addComment(caseID, body: context.string("body") ?? "", isPublic: context.bool("isPublic") ?? true, by: user)
                return APIReply(status: 201, .object([
                    "id": .string(comment.id.rawValue), "author": .string(comment.authorID.rawValue), "body": .string(comment.body),
                    "isPublic": .bool(comment.isPublic), "posted": .string(ISO8601DateFormatter().string(from: comment.createdAt)),
                ]))
            },
        ]
    }

    static var leads: [APIEndpoint] {
        [
            APIEndpoint("listLeads", .get, "/leads", summary: "Leads the viewer may read (a partner sees their account's).", tag: "leads",
                        scope: APIScope(.records, .read), parameters: listParameters, response: .reference("RecordPage")) { context in
                try APIRecords.list(context, object: "Lead")
            },
            APIEndpoint("registerLead", .post, "/leads", summary: "Registers a lead (deal registration, as the site's form does).", tag: "leads",
                        scope: APIScope(.records, .write),
                        body: .object([
                            APIProperty("firstName", .string(maxLength: 80)), APIProperty("lastName", .text(80), required: true),
                            APIProperty("company", .text(255), required: true), APIProperty("email", .text(254)), APIProperty("product", .text(255)),
                        ]), status: 201, response: .reference("Registration"), allowsGuest: false) { context in
                let user = try siteMember(context)
                let registration = try context.community.deals.register(LeadRegistrationDraft(
                    firstName: context.string("firstName") ?? "", lastName: context.string("lastName") ?? "",
                    company: context.string("company") ?? "", email: context.string("email"), product: context.string("product"),
                    site: context.site.site.id), by: user)
                let record = try APIRecords.get(context, object: "Lead", id: registration.lead.id.rawValue)
                return APIReply(status: 201, .object([
                    "lead": record.body ?? .null, "status": .string(registration.lead.status.rawValue),
                    "needsReview": .bool(registration.needsReview), "message": .string(registration.partnerMessage),
                ]), etag: record.etag, headers: ["Location": Community.apiPath(of: context.site.site) + "/leads/" + registration.lead.id.rawValue])
            },
        ]
    }

    static var knowledge: [APIEndpoint] {
        [
            APIEndpoint("listArticles", .get, "/knowledge/articles", summary: "Searches (q) or lists the articles the viewer may read.", tag: "knowledge",
                        scope: APIScope(.knowledge, .read),
                        parameters: [APIParameter("q", in: .query, .string(minLength: 1, maxLength: 200), "Search words."),
                                     APIParameter("topic", in: .query, .string(minLength: 1, maxLength: 200)), .limit()],
                        response: .reference("ArticleList")) { context in
                guard let provider = context.site.services.get((any KnowledgeProvider).self) else { return APIReply(.object(["items": .array([])])) }
                let limit = context.integer("limit", default: 25)
                let locale = locale(context)
                let cards = try context.query("q").map { try provider.search($0, locale: locale, viewer: context.viewer, limit: limit) }
                    ?? provider.articles(topic: context.query("topic"), locale: locale, viewer: context.viewer, limit: limit)
                return APIReply(.object(["items": .array(cards.map { article($0, body: nil) })]))
            },
            APIEndpoint("getArticle", .get, "/knowledge/articles/{slug}", summary: "Reads an article.", tag: "knowledge",
                        scope: APIScope(.knowledge, .read), parameters: [.pathID("slug", "The article's slug.")], response: .reference("Article")) { context in
                guard let provider = context.site.services.get((any KnowledgeProvider).self),
                      let display = try provider.article(slug: context.path("slug"), locale: locale(context), viewer: context.viewer) else {
                    throw APIProblem.notFound("No article \(String(context.path("slug").prefix(100))) that this viewer may read.")
                }
                return APIReply(article(display.summary, body: display))
            },
            APIEndpoint("voteArticle", .post, "/knowledge/articles/{id}/votes", summary: "Says whether an article helped.", tag: "knowledge",
                        scope: APIScope(.knowledge, .write), parameters: [.pathID("id", "The article id.")],
                        body: .object([APIProperty("helpful", .boolean, required: true)]), status: 204, response: nil, allowsGuest: false) { context in
                _ = try siteMember(context)
                guard let provider = context.site.services.get((any KnowledgeProvider).self) else { throw APIProblem.notFound("No knowledge base.") }
                try provider.vote(articleID: context.path("id"), helpful: context.bool("helpful") ?? false, viewer: context.viewer)
                return APIReply(status: 204, nil)
            },
        ]
    }

    static var community: [APIEndpoint] {
        [
            APIEndpoint("listQuestions", .get, "/questions", summary: "The site's questions the viewer may see.", tag: "community",
                        scope: APIScope(.community, .read),
                        parameters: [APIParameter("topic", in: .query, .string(minLength: 1, maxLength: 200)), .limit()],
                        response: .reference("QuestionList")) { context in
                let items = try engagement(context)?.questions(topic: context.query("topic"), viewer: context.viewer, limit: context.integer("limit", default: 25)) ?? []
                return APIReply(.object(["items": .array(items.map { question($0, view: nil) })]))
            },
            APIEndpoint("getQuestion", .get, "/questions/{id}", summary: "A question with its answers.", tag: "community",
                        scope: APIScope(.community, .read), parameters: [.pathID("id", "The question id.")], response: .reference("Question")) { context in
                guard let view = try engagement(context)?.question(id: context.path("id"), viewer: context.viewer) else {
                    throw APIProblem.notFound("No question \(String(context.path("id").prefix(100))) that this viewer may see.")
                }
                return APIReply(question(view.summary, view: view))
            },
            APIEndpoint("askQuestion", .post, "/questions", summary: "Asks a question in the site.", tag: "community",
                        scope: APIScope(.community, .write),
                        body: .object([APIProperty("title", .text(255), required: true), APIProperty("body", .text(32_000), required: true),
                                       APIProperty("topic", .text(80))]),
                        status: 201, response: .reference("Question"), allowsGuest: false) { context in
                let user = try siteMember(context)
                let asked = try context.community.engagement.questions.ask(
                    title: context.string("title") ?? "", body: context.string("body") ?? "", topics: context.string("topic").map { [$0] } ?? [],
                    site: context.site.site.id, by: user)
                let view = try engagement(context)?.question(id: asked.id.rawValue, viewer: context.viewer)
                return APIReply(status: 201, view.map { question($0.summary, view: $0) } ?? .object(["id": .string(asked.id.rawValue), "title": .string(context.string("title") ?? "")]),
                                headers: ["Location": Community.apiPath(of: context.site.site) + "/questions/" + asked.id.rawValue])
            },
            APIEndpoint("answerQuestion", .post, "/questions/{id}/answers", summary: "Answers a question.", tag: "community",
                        scope: APIScope(.community, .write), parameters: [.pathID("id", "The question id.")],
                        body: .object([APIProperty("body", .text(32_000), required: true)]), status: 201, response: .reference("Question"), allowsGuest: false) { context in
                let user = try siteMember(context)
                guard let id = try? ID<Question>(parsing: context.path("id")), try engagement(context)?.question(id: id.rawValue, viewer: context.viewer) != nil else {
                    throw APIProblem.notFound("No question \(String(context.path("id").prefix(100))) that this viewer may see.")
                }
                try context.community.engagement.questions.answer(id, body: context.string("body") ?? "", site: context.site.site.id, by: user)
                let view = try engagement(context)?.question(id: id.rawValue, viewer: context.viewer)
                return APIReply(status: 201, view.map { question($0.summary, view: $0) } ?? .null)
            },
            APIEndpoint("listIdeas", .get, "/ideas", summary: "The site's ideas.", tag: "community",
                        scope: APIScope(.community, .read), parameters: [.limit()], response: .reference("IdeaList")) { context in
                let items = try engagement(context)?.ideas(viewer: context.viewer, limit: context.integer("limit", default: 25)) ?? []
                return APIReply(.object(["items": .array(items.map { i in .object([
                    "id": .string(i.id), "title": .string(i.title), "score": .number(Double(i.score)), "status": .string(i.status), "viewerVoted": .bool(i.viewerVoted),
                ]) })]))
            },
            APIEndpoint("voteIdea", .post, "/ideas/{id}/votes", summary: "Votes an idea up.", tag: "community",
                        scope: APIScope(.community, .write), parameters: [.pathID("id", "The idea id.")], status: 204, response: nil, allowsGuest: false) { context in
                let user = try siteMember(context)
                guard let idea = try? ID<Idea>(parsing: context.path("id")) else { throw APIProblem.notFound("No such idea.") }
                _ = try context.community.engagement.ideas.idea(idea, viewer: user, site: context.site.site.id)
                _ = try context.community.engagement.ideas.vote(idea, value: 1, by: user)
                return APIReply(status: 204, nil)
            },
            APIEndpoint("listFeed", .get, "/feed", summary: "The site's feed.", tag: "community",
                        scope: APIScope(.community, .read), parameters: [.limit()], response: .reference("FeedList")) { context in
                let items = try engagement(context)?.feed(viewer: context.viewer, limit: context.integer("limit", default: 25)) ?? []
                return APIReply(.object(["items": .array(items.map { f in .object(["author": .string(f.author), "body": .string(text(f.body))]) })]))
            },
            APIEndpoint("postToFeed", .post, "/feed", summary: "Posts to the viewer's feed in the site.", tag: "community",
                        scope: APIScope(.community, .write), body: .object([APIProperty("body", .text(10_000), required: true)]),
                        status: 201, response: .reference("FeedItem"), allowsGuest: false) { context in
                let user = try siteMember(context)
                let item = try context.community.engagement.feeds.post(
                    PostDraft(parent: .member(user), body: context.string("body") ?? "", site: context.site.site.id), by: user)
                return APIReply(status: 201, .object(["id": .string(item.id.rawValue), "author": .string(user.rawValue), "body": .string(context.string("body") ?? "")]))
            },
        ]
    }

    static var notifications: [APIEndpoint] {
        [
            APIEndpoint("listNotifications", .get, "/notifications", summary: "The viewer's notifications, newest first.", tag: "notifications",
                        scope: APIScope(.notifications, .read),
                        parameters: [APIParameter("unread", in: .query, .choice(["true", "false"])), .limit()],
                        response: .reference("NotificationList"), allowsGuest: false) { context in
                let user = try context.member()
                let items = try context.community.engagement.notifications.list(user, unreadOnly: context.query("unread") == "true", limit: context.integer("limit", default: 25))
                return APIReply(.object(["items": .array(items.map { n in .object([
                    "id": .string(n.id.rawValue), "kind": .string("\(n.kind)"), "title": .string(n.title), "body": .string(n.body),
                    "link": n.link.map(JSONValue.string) ?? .null, "createdAt": .string(ISO8601DateFormatter().string(from: n.createdAt)),
                    "read": .bool(n.readAt != nil),
                ]) })]))
            },
            APIEndpoint("markNotificationRead", .post, "/notifications/{id}/read", summary: "Marks a notification read.", tag: "notifications",
                        scope: APIScope(.notifications, .write), parameters: [.pathID("id", "The notification id.")], status: 204, response: nil,
                        allowsGuest: false) { context in
                let user = try context.member()
                guard let id = try? ID<CommunityEngagement.Notification>(parsing: context.path("id")),
                      try context.community.store.snapshot().value(id)?.recipientID == user else { throw APIProblem.notFound("No such notification.") }
                try context.community.engagement.notifications.markRead(id, by: user)
                return APIReply(status: 204, nil)
            },
        ]
    }

    static var topics: [APIEndpoint] {
        [
            APIEndpoint("listTopics", .get, "/topics", summary: "Topics with what the viewer may see in them.", tag: "topics",
                        scope: APIScope(.topics, .read), response: .reference("TopicList")) { context in
                let provider = context.site.services.get((any DiscoveryProvider).self)
                let site = context.site.site
                let items = try provider?.topics(articleLocales: Set(site.locales), site: site.id, viewer: context.viewer) ?? []
                return APIReply(.object(["items": .array(items.map { t in .object([
                    "name": .string(t.name), "description": .string(t.description), "itemCount": .number(Double(t.itemCount)),
                ]) })]))
            },
        ]
    }

    static var admin: [APIEndpoint] {
        [
            APIEndpoint("explainAccess", .get, "/access/explanation", summary: "Why a user can or cannot read a record (administrators).", tag: "admin",
                        scope: APIScope(.admin, .read),
                        parameters: [
                            APIParameter("user", in: .query, .string(minLength: 1, maxLength: 200), required: true),
                            APIParameter("object", in: .query, .choice(APIRecords.types.keys.map(\.name).sorted()), required: true),
                            APIParameter("id", in: .query, .string(minLength: 1, maxLength: 200), required: true),
                        ], response: .reference("Explanation"), allowsGuest: false) { context in
                let admin = try context.member()
                guard context.community.access.snapshot.hasPermission(admin, .manageCommunity) || context.community.access.snapshot.hasPermission(admin, .viewAllData) else {
                    throw APIProblem.forbidden("Only administrators (manageCommunity or viewAllData) may ask for access explanations.")
                }
                guard let user = try? ID<User>(parsing: context.query("user") ?? "") else {
                    throw APIProblem.invalidRequest("user is not a user id.", fields: [.init("user", "malformed")])
                }
                let e = context.community.explain(user: user, object: EntityType(context.query("object") ?? ""), id: context.query("id") ?? "")
                return APIReply(.object([
                    "user": .string(e.user.rawValue), "object": .string(e.object.name), "recordID": .string(e.recordID), "level": .string("\(e.level)"),
                    "grants": .array(e.grants.map { g in .object(["kind": .string(g.kind.rawValue), "level": .string("\(g.level)"), "chain": .array(g.chain.map(JSONValue.string))]) }),
                    "notFound": .array(e.notFound.map(JSONValue.string)),
                ]))
            },
            APIEndpoint("listTokens", .get, "/tokens", summary: "The viewer's personal access tokens.", tag: "profile",
                        scope: APIScope(.profile, .read), response: .reference("TokenList"), allowsGuest: false) { context in
                let user = try context.member()
                return APIReply(.object(["items": .array(try context.community.apiTokens(of: user).map { token($0, text: nil, now: context.community.clock.now()) })]))
            },
        ]
    }

    // MARK: Helpers

    /// The viewer when they are a signed-in member of the site (as the site's forms require).
    static func siteMember(_ context: APIContext) throws -> ID<User> {
        let user = try context.member()
        guard context.site.site.isMember(context.viewer) else { throw APIProblem.forbidden("Only members of \(context.site.site.id) may do this.") }
        return user
    }

    static func engagement(_ context: APIContext) -> (any EngagementProvider)? { context.site.services.get((any EngagementProvider).self) }

    static func locale(_ context: APIContext) -> String {
        let locales = context.site.site.locales
        return locales.contains(context.viewer.locale) ? context.viewer.locale : locales.first ?? context.viewer.locale
    }

    static func text(_ rich: RichText) -> String {
        switch rich {
        case .plain(let s): s
        case .sanitized(let html): html.markup
        }
    }

    static func article(_ card: ArticleCard, body: ArticleDisplay?) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(card.id), "slug": .string(card.slug), "title": .string(card.title), "summary": .string(card.summary),
            "locale": .string(card.locale), "topics": .array(card.topics.map(JSONValue.string)),
        ]
        if let body {
            o["body"] = .string(text(body.body))
            o["helpfulYes"] = .number(Double(body.helpfulYes))
            o["helpfulNo"] = .number(Double(body.helpfulNo))
        }
        return .object(o)
    }

    static func question(_ summary: QuestionSummary, view: QuestionView?) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(summary.id), "title": .string(summary.title), "author": .string(summary.author),
            "answerCount": .number(Double(summary.answerCount)), "isSolved": .bool(summary.isSolved), "topics": .array(summary.topics.map(JSONValue.string)),
        ]
        if let view {
            o["body"] = .string(text(view.body))
            o["answers"] = .array(view.answers.map { .object(["author": .string($0.author), "body": .string(text($0.body)), "isBest": .bool($0.isBest)]) })
        }
        return .object(o)
    }

    static func token(_ token: APIToken, text: String?, now: Date) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(token.id.rawValue), "name": .string(token.name), "kind": .string(token.kind.rawValue),
            "scopes": .array(token.scopeNames.map(JSONValue.string)), "expiresAt": .string(ISO8601DateFormatter().string(from: token.expiresAt)),
            "revoked": .bool(token.revokedAt != nil),
        ]
        if let text { o["token"] = .string(text) }
        return .object(o)
    }
}
