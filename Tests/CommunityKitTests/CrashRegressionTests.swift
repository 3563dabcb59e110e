import CommunityKit
import Foundation
import Testing

/// Inputs an attack on a release build used to trap the host with: every one of them must come
/// back as a response or a typed error.
@Suite struct CrashRegressionTests {
    static let badIDs = ["not a valid id", String(repeating: "a", count: 65), "", "../etc", "ünïcode", "a\r\nb"]

    /// A community with the partner site and pat's CSRF token from the leads page.
    func partnerCommunity() throws -> (Community, Viewer, String) {
        let community = try KitFixture.community()
        try community.addSite(KitFixture.partnerSite())
        let pat = community.viewer("pat", sessionID: "s")
        let token = KitFixture.token(community.handle(SiteRequest(.get, "/partners/leads", viewer: pat)).body)
        #expect(!token.isEmpty)
        return (community, pat, token)
    }

    func post(_ community: Community, _ action: String, _ form: [String: String], as viewer: Viewer, token: String) -> SiteResponse {
        var fields = form
        fields["_csrf"] = token
        fields["_return"] = "/partners/leads"
        return community.handle(SiteRequest(.post, "/partners/_action/\(action)", form: fields, viewer: viewer))
    }

    // MARK: Actions

    @Test(arguments: badIDs)
    func malformedArticleIDsAreAFormError(_ id: String) throws {
        let (community, pat, token) = try partnerCommunity()
        let response = post(community, "articleVote", ["article": id, "helpful": "yes"], as: pat, token: token)
        #expect(response.status == 422)
        #expect(response.location == nil)
    }

    @Test func aWellFormedButUnknownArticleIsAFormErrorToo() throws {
        let (community, pat, token) = try partnerCommunity()
        let response = post(community, "articleVote", ["article": "ka_missing", "helpful": "yes"], as: pat, token: token)
        #expect(response.status == 422)
    }

    @Test(arguments: badIDs)
    func malformedQuestionAndIdeaIDsAreAFormError(_ id: String) throws {
        let (community, pat, token) = try partnerCommunity()
        #expect(post(community, "answerQuestion", ["question": id, "body": "An answer"], as: pat, token: token).status == 422)
        #expect(post(community, "voteIdea", ["idea": id], as: pat, token: token).status == 422)
    }

    @Test func missingFieldsAreFormErrorsInEveryAction() throws {
        let (community, pat, token) = try partnerCommunity()
        for (action, form) in [
            ("askQuestion", ["title": "t"]), ("askQuestion", ["body": "b"]), ("answerQuestion", ["question": "q_1"]),
            ("submitCase", ["subject": "s"]), ("submitCase", ["description": "d"]), ("submitCase", ["subject": "s", "description": "d", "priority": "p"]),
            ("registerLead", ["company": "Woodgrove"]), ("registerLead", ["lastName": "Shah"]), ("registerLead", ["lastName": "  "]),
            ("articleVote", [:]), ("voteIdea", [:]), ("answerQuestion", [:]),
        ] {
            #expect(post(community, action, form, as: pat, token: token).status == 422, "\(action) \(form)")
        }
    }

    @Test func nonMembersAreRefusedByEveryAction() throws {
        let (community, pat, token) = try partnerCommunity()
        var site = try KitFixture.partnerSite()
        site.memberProfileIDs = ["channel"]
        try community.addSite(site)
        for (action, form) in [
            ("articleVote", ["article": "not a valid id"]), ("articleVote", ["article": "ka_1"]), ("askQuestion", ["title": "t", "body": "b"]),
            ("answerQuestion", ["question": "q_1", "body": "b"]), ("voteIdea", ["idea": "i_1"]),
            ("submitCase", ["subject": "s", "description": "d"]), ("registerLead", ["company": "c", "lastName": "l"]),
        ] {
            #expect(post(community, action, form, as: pat, token: token).status == 403, "\(action)")
        }
    }

    @Test func guestsAreRefusedByArticleVote() throws {
        let community = try KitFixture.community()
        try community.addSite(KitFixture.partnerSite())
        let article = try community.knowledge.createArticle(
            locale: "en_US", content: ArticleContent(title: "Open", summary: "s"), channels: [.public, .partner, .internal], by: "cara")
        try community.knowledge.publish(article.id, locale: "en_US", by: "cara")
        let slug = try #require(try community.knowledge.slug(of: article.id, locale: "en_US"))
        let page = community.handle(SiteRequest(.get, "/partners/article/\(slug)"))
        let token = KitFixture.token(page.body)
        #expect(!token.isEmpty)
        for id in [article.id.rawValue, "not a valid id"] {
            let response = community.handle(SiteRequest(.post, "/partners/_action/articleVote", form: ["_csrf": token, "article": id, "helpful": "yes"]))
            #expect(response.status == 403)
        }
        #expect(try community.knowledge.stats(article.id).helpful == 0)
    }

    // MARK: Layout properties

    static let listTypes: [ComponentType] = ["community.questionList", "community.ideaList", "community.groupList", "community.memberDirectory"]

    func site(_ type: ComponentType, limit: JSONValue) throws -> Site {
        var site = try KitFixture.partnerSite()
        var ideas = try #require(site.page("ideas"))
        ideas.layout = PageLayout(regions: [Region(name: "main", rows: [Row(columns: [
            Column(components: [ComponentInstance(id: "list", type: type, properties: ["limit": limit])]),
        ])])])
        try site.updatePage(ideas)
        return site
    }

    @Test(arguments: listTypes)
    func outOfRangeLimitsAreRefusedByAddSiteAndImport(_ type: ComponentType) throws {
        for limit in [-1, 1e300, 1_000_000, "ten", 2.5] as [JSONValue] {
            let community = try KitFixture.community()
            let site = try site(type, limit: limit)
            do throws(CommunityError) {
                try community.addSite(site)
                Issue.record("addSite accepted \(type) limit \(limit)")
            } catch {
                guard case .invalidSite(id: "partners", let errors) = error, case .invalidLayout(pageID: "ideas", let layout)? = errors.first,
                      let issue = layout.issues.first
                else { Issue.record("\(error)"); continue }
                switch (issue, limit) {
                case (.invalidPropertyValue(let violation), .number(let n)):
                    #expect(violation.property == "limit" && violation.componentType == type && violation.componentID == "list")
                    #expect(violation.value == JSONValue.number(n).description)
                    guard case .range(let low?, let high?) = violation.allowed else { Issue.record("\(violation)"); break }
                    #expect(low == 1 && high <= 100)
                case (.mistypedProperty(name: "limit", expected: .integer, _, _), _):
                    break
                default:
                    Issue.record("\(type) \(limit): \(issue)")
                }
            }
            #expect(community.site("partners") == nil)
            let bundle = try SiteBundle(site: site).encoded()
            #expect(throws: BundleError.self) { try community.importSite(bundle, dryRun: true) }
            #expect(throws: BundleError.self) { try community.importSite(bundle, dryRun: false) }
            #expect(community.site("partners") == nil)
        }
    }

    @Test func providersClampLimitsTheyAreHanded() throws {
        let (community, pat, _) = try partnerCommunity()
        let engagement = try #require(community.services.get((any EngagementProvider).self))
        let knowledge = try #require(community.services.get((any KnowledgeProvider).self))
        for limit in [-1, Int.min, Int.max] {
            _ = try engagement.questions(topic: nil, viewer: pat, limit: limit)
            _ = try engagement.questions(topic: "Sales", viewer: pat, limit: limit)
            _ = try engagement.ideas(viewer: pat, limit: limit)
            _ = try engagement.feed(viewer: pat, limit: limit)
            _ = try engagement.groups(viewer: pat, limit: limit)
            _ = try engagement.leaderboard(viewer: pat, limit: limit)
            _ = try engagement.members(viewer: pat, limit: limit)
            _ = try knowledge.search("price", locale: "en_US", viewer: pat, limit: limit)
            _ = try knowledge.articles(topic: nil, locale: "en_US", viewer: pat, limit: limit)
            let reader = try #require(community.services.get(RecordReader.self))
            _ = reader.records(of: "Lead", viewer: pat, fields: ["Company"], limit: limit)
        }
        for id in Self.badIDs {
            #expect(try engagement.member(id: id, viewer: pat) == nil)
            #expect(try engagement.question(id: id, viewer: pat) == nil)
            #expect(throws: (any Error).self) { try knowledge.vote(articleID: id, helpful: true, viewer: pat) }
        }
    }

    @Test(arguments: listTypes)
    func listComponentsRenderedWithoutValidationDoNotTrap(_ type: ComponentType) throws {
        let (community, pat, _) = try partnerCommunity()
        let site = try #require(community.site("partners")).site
        let page = try #require(site.page("ideas"))
        for limit in [-1, 9_007_199_254_740_991] as [Double] {
            let render = try community.registry.compile(ComponentInstance(id: "list", type: type, properties: ["limit": .number(limit)]), path: "p")
            let html = try render(RenderContext(viewer: pat, site: site, page: page, services: community.services)).render()
            #expect(html.contains("class=\"ck-card\""))
        }
    }

    // MARK: Redirects

    @Test(arguments: ["javascript:alert(1)", "//evil.example", "/\\evil.example", "https://evil.example", "/ok\r\nSet-Cookie: x=1"])
    func importedRedirectsMustBeSameSitePaths(_ target: String) throws {
        let (community, _, _) = try partnerCommunity()
        var json = try JSONDecoder().decode(JSONValue.self, from: community.exportSite("partners")).objectValue
        var site = json["site"]?.objectValue ?? [:]
        site["redirects"] = ["/old-leads": .string(target)]
        json["site"] = .object(site)
        let data = Data(JSONValue.object(json).description.utf8)
        for dryRun in [true, false] {
            do {
                _ = try community.importSite(data, dryRun: dryRun)
                Issue.record("imported a redirect to \(target.debugDescription)")
            } catch let error as BundleError {
                guard case .invalidSite(let errors) = error, case .invalidRedirectTarget(target, from: "/old-leads", _)? = errors.first else {
                    Issue.record("\(error)")
                    continue
                }
            }
        }
        let served = community.handle(SiteRequest(.get, "/partners/old-leads"))
        #expect(served.location == nil)
    }

    // MARK: Amounts

    /// Small amounts next to NaN or ±1e30 in other stages: the chart's bar widths divide by the
    /// largest total, which used to reach `Int(Double)` with NaN or -4e30 and trap.
    @Test(arguments: [
        [Decimal.nan, Decimal(-1e30), 5, Decimal(string: "12.5") ?? 12],
        [Decimal(1e30), Decimal(-1e30), 5],
        [Decimal.greatestFiniteMagnitude, -Decimal.greatestFiniteMagnitude, Decimal.greatestFiniteMagnitude, 1],
    ])
    func hostileAmountsRenderTheDashboardAndPipeline(_ amounts: [Decimal]) throws {
        let (community, _, _) = try partnerCommunity()
        let close = try Day(year: 2026, month: 6, day: 30)
        for (i, amount) in amounts.enumerated() {
            // The store may refuse some of these (NaN); readers must tolerate whatever it keeps.
            _ = try? community.store.write { tx in
                try tx.put(Opportunity(id: ID<Opportunity>(parsing: "opp-\(i)"), name: "Deal \(i)", accountID: "acme",
                                       stage: "Stage \(i)", amount: amount, closeDate: close, owner: "cara"))
            }
        }
        let cara = community.viewer("cara", sessionID: "c")
        let deals = community.handle(SiteRequest(.get, "/partners/deals", viewer: cara))
        #expect(deals.status == 200)
        #expect(deals.body.contains("Pipeline by stage") && deals.body.contains("<svg"))
        let home = community.handle(SiteRequest(.get, "/partners/", viewer: cara))
        #expect(home.status == 200)
        #expect(home.body.contains("class=\"ck-pipeline\""))
    }
}
