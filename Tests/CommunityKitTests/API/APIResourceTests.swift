import CommunityKit
import Foundation
import Testing

/// Every resource through `community.handle`, as the viewer: the same access and field-level
/// security as the pages, and the same services as the forms.
@Suite struct APIResourceTests {
    @Test func aPartnerNeverReadsAnotherAccountsLead() throws {
        let community = try APIFixture.community()
        let bo = APICaller(community, token: try APIFixture.token(community, "bo"))
        #expect(bo.get("/leads").ids == ["lead-globex-1"])
        #expect(bo.get("/leads/lead-acme-1").status == 404)
        #expect(bo.get("/records/Lead/lead-acme-1").status == 404)
        #expect(bo.call(.patch, "/records/Lead/lead-acme-1", json: #"{"fields": {"Company": "Hijacked"}}"#).status == 404)
        #expect(bo.call(.delete, "/records/Lead/lead-acme-1").status == 404)
        #expect(try community.store.snapshot().value(ID<Lead>("lead-acme-1"))?.company == "Acme Widgets")
        let mia = APICaller(community, token: try APIFixture.token(community, "mia"))
        #expect(Set(mia.get("/leads").ids) == ["lead-acme-1", "lead-acme-2"])  // the manager sees her user's lead
    }

    @Test func theAPIAndThePagesListTheSameRecordsForEachPersona() throws {
        let community = try APIFixture.community()
        for user in ["pat", "mia", "bo", "cara"] as [ID<User>] {
            let api = Set(APICaller(community, token: try APIFixture.token(community, user)).get("/leads", query: ["limit": "100"]).ids)
            let page = community.handle(SiteRequest(.get, "/partners/leads", viewer: community.viewer(user))).body
            for id in ["lead-acme-1", "lead-acme-2", "lead-globex-1"] {
                let company = try #require(try community.store.snapshot().value(ID<Lead>(id))?.company)
                #expect(api.contains(id) == page.contains(company), "\(user) \(id)")
            }
            let pageIDs = RecordReader(engine: community.access).records(of: "Lead", viewer: community.viewer(user), fields: ["Company"], limit: 1000).map(\.id)
            #expect(api == Set(pageIDs), "\(user)")
        }
    }

    @Test func listsFilterOnIndexedFieldsSortAndPageWithSignedCursors() throws {
        let community = try APIFixture.community()
        let cara = APICaller(community, token: try APIFixture.token(community, "cara"))
        #expect(cara.get("/leads", query: ["field": "status", "value": "working"]).ids == ["lead-acme-2"])
        #expect(cara.get("/leads", query: ["field": "Company", "value": "x"]).invalidFields == ["field"])  // not indexed
        #expect(cara.get("/leads", query: ["field": "status"]).status == 400)
        let sorted = cara.get("/leads", query: ["sort": "-Company"]).items.compactMap { $0["fields"]?["Company"]?.stringValue }
        #expect(sorted == ["Globex Corp", "Bell Labs", "Acme Widgets"])
        let first = cara.get("/leads", query: ["limit": "2", "sort": "Company"])
        #expect(first.ids.count == 2)
        let cursor = try #require(first.json["nextCursor"]?.stringValue)
        let second = cara.get("/leads", query: ["limit": "2", "sort": "Company", "cursor": cursor])
        #expect(second.ids == ["lead-globex-1"])
        #expect(second.json["nextCursor"] == .null)
        // A cursor of another listing, an altered one and garbage are typed problems.
        #expect(cara.get("/leads", query: ["limit": "2", "sort": "-Company", "cursor": cursor]).kind == "invalid-cursor")
        #expect(cara.get("/leads", query: ["cursor": "2.AAAA"]).kind == "invalid-cursor")
        #expect(cara.get("/leads", query: ["cursor": "garbage"]).kind == "invalid-cursor")
        let stolen = APICaller(community, token: try APIFixture.token(community, "pat")).get("/leads", query: ["limit": "2", "sort": "Company", "cursor": cursor])
        #expect(stolen.kind == "invalid-cursor")
    }

    @Test func recordsCarryCustomFieldsAndHideWhatFieldLevelSecurityHides() throws {
        let community = try APIFixture.community()
        let cara = APICaller(community, token: try APIFixture.token(community, "cara"))
        let lead = cara.get("/records/Lead/lead-acme-1")
        #expect(lead.status == 200)
        #expect(lead.json["fields"]?["Company"]?.stringValue == "Acme Widgets")
        #expect(lead.response.headers["ETag"] == "\"1\"")
        #expect(lead.json["version"] == .number(1))
        #expect(cara.get("/records/Widget/x").invalidFields == ["object"])
        #expect(cara.get("/opportunities").ids == ["opp-acme"])
        #expect(cara.get("/opportunities/opp-acme").json["fields"]?["Name"]?.stringValue == "Acme renewal")
    }

    @Test func updatesHonourIfMatchAndAccess() throws {
        let community = try APIFixture.community()
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        let read = pat.get("/records/Lead/lead-acme-1")
        let etag = try #require(read.response.headers["ETag"])
        let updated = pat.call(.patch, "/records/Lead/lead-acme-1", json: #"{"fields": {"Company": "Acme Widgets Ltd"}}"#, headers: ["If-Match": etag])
        #expect(updated.status == 200)
        #expect(updated.response.headers["ETag"] == "\"2\"")
        #expect(try community.store.snapshot().value(ID<Lead>("lead-acme-1"))?.company == "Acme Widgets Ltd")
        let stale = pat.call(.patch, "/records/Lead/lead-acme-1", json: #"{"fields": {"Company": "Stale"}}"#, headers: ["If-Match": etag])
        #expect(stale.status == 412 && stale.kind == "precondition-failed")
        #expect(stale.json["actual"] == .number(2))
        #expect(try community.store.snapshot().value(ID<Lead>("lead-acme-1"))?.company == "Acme Widgets Ltd")
        #expect(pat.call(.patch, "/records/Lead/lead-acme-1", json: #"{"fields": {"OwnerId": "bo"}}"#).invalidFields == ["fields.OwnerId"])
        #expect(pat.call(.patch, "/records/Lead/lead-acme-1", json: #"{"fields": {"Nope": "x"}}"#).invalidFields == ["fields.Nope"])
        #expect(pat.call(.patch, "/records/Lead/lead-acme-1", json: #"{"fields": {"Score__c": 1}}"#).invalidFields == ["fields.Score__c"])
        #expect(pat.call(.patch, "/records/Lead/lead-acme-1", json: #"{"fields": {"Company": 5}}"#).status == 422)
        // Partners may not delete leads (no delete permission); the channel manager may, with the current ETag.
        #expect(pat.call(.delete, "/records/Lead/lead-acme-1").status == 403)
        let cara = APICaller(community, token: try APIFixture.token(community, "cara"))
        #expect(cara.call(.delete, "/records/Lead/lead-acme-1", headers: ["If-Match": "\"1\""]).status == 412)
        #expect(cara.call(.delete, "/records/Lead/lead-acme-1", headers: ["If-Match": "\"2\""]).status == 204)
        #expect(try community.store.snapshot().value(ID<Lead>("lead-acme-1")) == nil)
    }

    @Test func recordsOfObjectsWithoutAServiceAreCreatedAsTheViewer() throws {
        let community = try APIFixture.community()
        let cara = APICaller(community, token: try APIFixture.token(community, "cara"))
        let created = cara.post("/records/Account", #"{"fields": {"Name": "Northwind"}}"#)
        #expect(created.status == 201, "\(created.response.body)")
        let id = try #require(created.json["id"]?.stringValue)
        #expect(created.response.headers["Location"] == "/partners/api/v1/records/Account/" + id)
        #expect(try community.store.snapshot().value(ID<Account>(parsing: id))?.owner == .user("cara"))
        #expect(cara.post("/records/Account", #"{"fields": {}}"#).invalidFields == ["fields.Name"])
        #expect(cara.post("/records/Lead", #"{"fields": {"Company": "X", "LastName": "Y"}}"#).status == 422)  // leads go through POST /leads
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        #expect(pat.post("/records/Account", #"{"fields": {"Name": "Sneaky"}}"#).status == 403)
        #expect(try community.store.snapshot().all(Account.self).count == 3)
    }

    @Test func leadsAreRegisteredThroughDealRegistration() throws {
        let community = try APIFixture.community()
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        let answer = pat.post("/leads", #"{"lastName": "Shah", "company": "Woodgrove", "email": "shah@woodgrove.example"}"#)
        #expect(answer.status == 201)
        #expect(answer.json["status"]?.stringValue == "submitted")
        let id = try #require(answer.json["lead"]?["id"]?.stringValue)
        #expect(try community.store.snapshot().value(ID<Lead>(parsing: id))?.partnerAccountID == "acme")
        #expect(APICaller(community, token: try APIFixture.token(community, "mia")).get("/leads/" + id).status == 200)
        #expect(APICaller(community, token: try APIFixture.token(community, "bo")).get("/leads/" + id).status == 404)
        #expect(try community.approvals.pendingRequests(for: "cara").count == 1)
    }

    @Test func casesWithCommentsThroughTheCaseService() throws {
        let community = try APIFixture.community()
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        let submitted = pat.post("/cases", #"{"subject": "Export fails", "description": "Every night.", "priority": "high"}"#)
        #expect(submitted.status == 201)
        let id = try #require(submitted.json["id"]?.stringValue)
        #expect(pat.post("/cases/\(id)/comments", #"{"body": "Still failing"}"#).status == 201)
        let detail = pat.get("/cases/" + id)
        #expect(detail.json["record"]?["fields"]?["Subject"]?.stringValue == "Export fails")
        if case .array(let comments)? = detail.json["comments"] { #expect(comments.count == 1) } else { Issue.record("no comments") }
        #expect(pat.get("/cases").ids.contains(id))
        let bo = APICaller(community, token: try APIFixture.token(community, "bo"))
        #expect(bo.get("/cases/" + id).status == 404)
        #expect(bo.post("/cases/\(id)/comments", #"{"body": "Me too"}"#).status == 403 || bo.post("/cases/\(id)/comments", #"{"body": "Me too"}"#).status == 404)
        #expect(pat.post("/cases", #"{"subject": "x", "description": "y", "priority": "urgent"}"#).invalidFields == ["priority"])
    }

    @Test func questionsIdeasAndTheFeedAreTheSitesAndWrittenAsTheMember() throws {
        let community = try APIFixture.community()
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        let asked = pat.post("/questions", #"{"title": "How do I export?", "body": "Details inside."}"#)
        #expect(asked.status == 201)
        let id = try #require(asked.json["id"]?.stringValue)
        let mia = APICaller(community, token: try APIFixture.token(community, "mia"))
        #expect(mia.post("/questions/\(id)/answers", #"{"body": "Use the report page."}"#).status == 201)
        #expect(pat.get("/questions").ids.contains(id))
        let read = pat.get("/questions/" + id)
        #expect(read.json["answerCount"] == .number(1))
        #expect(pat.get("/questions/nope").status == 404)
        #expect(try community.engagement.questions.list(site: "partners", viewer: "pat").contains { $0.id.rawValue == id })
        #expect(pat.post("/feed", #"{"body": "Hello partners"}"#).status == 201)
        #expect(pat.get("/feed").items.contains { $0["body"]?.stringValue?.contains("Hello partners") == true })
        #expect(pat.get("/ideas").status == 200)
        #expect(pat.post("/ideas/none/votes", nil).status == 404)
    }

    @Test func knowledgeTopicsAndNotificationsAnswerAsTheViewer() throws {
        let community = try APIFixture.community()
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        #expect(pat.get("/knowledge/articles", query: ["q": "export"]).status == 200)
        #expect(pat.get("/knowledge/articles/missing").status == 404)
        #expect(pat.get("/topics").status == 200)
        #expect(pat.get("/notifications").status == 200)
        #expect(pat.post("/notifications/nope/read", nil).status == 404)
    }

    @Test func onlyAdministratorsGetAccessExplanations() throws {
        let community = try APIFixture.community()
        try community.store.write { tx in
            try tx.put(PermissionSet(id: "admin", name: "Admin", permissions: PermissionGrants(objects: [:], system: [.manageCommunity])))
            guard var cara = try tx.value(ID<User>("cara")) else { return }
            cara.permissionSetIDs = ["admin"]
            try tx.put(cara)
        }
        let query = ["user": "bo", "object": "Lead", "id": "lead-acme-1"]
        let cara = APICaller(community, token: try APIFixture.token(community, "cara")).get("/access/explanation", query: query)
        #expect(cara.status == 200)
        #expect(cara.json["level"]?.stringValue == "none")
        #expect(APICaller(community, token: try APIFixture.token(community, "pat")).get("/access/explanation", query: query).status == 403)
        #expect(APICaller(community, token: try APIFixture.token(community, "cara")).get("/access/explanation", query: ["user": "bo"]).status == 400)
    }
}
