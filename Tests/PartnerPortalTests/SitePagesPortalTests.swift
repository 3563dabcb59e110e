import CommunityKit
import Foundation
import Testing
@testable import PartnerPortalKit

/// The portal demonstrates the site pages: each persona reaches the work the engine can do,
/// from the menu, and the forms work there.
@Suite struct SitePagesPortalTests {
    static func caseID(_ portal: Portal, subject: String) throws -> String {
        try #require(try portal.community.store.snapshot().all(Case.self).map(\.value).first { $0.subject == subject }).id.rawValue
    }

    @Test func samWorksTheTier1QueueAndKimKeepsReadingHerCase() throws {
        let portal = try Portal()
        let id = try Self.caseID(portal, subject: "Invoice shows the wrong VAT number")
        let home = portal.get("/help/", as: "sam").body
        #expect(home.contains("href=\"/help/case-queue\"") && home.contains("href=\"/help/registrations\""))
        let queue = portal.get("/help/case-queue", as: "sam").body
        #expect(queue.contains("Invoice shows the wrong VAT number") && queue.contains("Tier 1 support"))
        // Kim raised it; the queue owns it, and she still reads it.
        #expect(portal.get("/help/case/\(id)", as: "kim").body.contains("Invoice shows the wrong VAT number"))
        #expect(portal.post("pickCase", from: "/help/case-queue", as: "sam", form: ["case": id]).status == 303)
        #expect(portal.post("changeCaseStatus", from: "/help/case/\(id)", as: "sam", form: ["case": id, "status": "Working"]).status == 303)
        #expect(try portal.community.store.snapshot().value(ID<Case>(parsing: id))?.status == "Working")
        // Sam replies to Kim on the case page, and notes something only staff see.
        #expect(portal.post("addCaseComment", from: "/help/case/\(id)", as: "sam", form: ["case": id, "body": "We are correcting the VAT number."]).status == 303)
        #expect(portal.post("addCaseComment", from: "/help/case/\(id)", as: "sam", form: ["case": id, "body": "Billing system ticket 4711.", "internal": "on"]).status == 303)
        let kimsView = portal.get("/help/case/\(id)", as: "kim").body
        #expect(kimsView.contains("We are correcting the VAT number.") && !kimsView.contains("Billing system ticket 4711."))
        #expect(portal.get("/help/case/\(id)", as: "kim").body.contains("Invoice shows the wrong VAT number"))
    }

    @Test func guestsJoinTheHelpCenterAndSamReviewsThem() throws {
        let portal = try Portal()
        #expect(portal.get("/help/", as: nil).body.contains("href=\"/help/join\""))
        #expect(portal.get("/help/join", as: nil).status == 200)
        let page = portal.get("/help/registrations", as: "sam").body
        #expect(page.contains("Jordan Lee"))
        #expect(portal.post("reviewRegistration", from: "/help/registrations", as: "sam", form: ["registration": "reg-jordan", "decision": "approve"]).status == 303)
        let member = try #require(try portal.community.store.snapshot().value(ID<SiteRegistration>("reg-jordan"))?.userID)
        #expect(try portal.community.store.snapshot().value(member)?.accountID == PortalSitePages.helpMembersAccount)
        #expect(portal.get("/help/registrations", as: "kim").status != 200)
    }

    @Test func partnerCentralShowsTheProgrammeAndRecordPages() throws {
        let portal = try Portal()
        // Pat converts the approved lead from its page; Dana sees who can see it.
        #expect(portal.get("/partners/lead/lead-acme-1", as: "pat").body.contains("Convert this lead"))
        let why = portal.get("/partners/lead/lead-acme-1", as: "dana", query: ["explainFor": "mia"]).body
        #expect(why.contains("Who can see this record?") && why.contains("Mia Manager: "))
        #expect(!portal.get("/partners/lead/lead-acme-1", as: "cara").body.contains("Who can see this record?"))
        // Acme claims against the approved roadshow request; Jisoo reads the claim section in Korean.
        #expect(portal.get("/partners/funds", as: "alex").body.contains("Regional roadshow"))
        #expect(portal.get("/partners/funds", as: "jisoo").body.contains("청구할 금액이 남은 승인된 자금 요청이 없습니다."))
        // Cara's channel programme: budgets and the pooled lead she may offer.
        let channel = portal.get("/partners/channel-programme", as: "cara").body
        #expect(channel.contains("Acme Analytics") && channel.contains("Daehan Logistics"))
        // Hanbit's tier is too low for pooled leads: the reason is shown; Initrode takes it.
        let refused = portal.post("offerLead", from: "/partners/channel-programme", as: "cara", form: ["lead": "lead-pool-2", "account": "hanbit"])
        #expect(refused.status == 422 && refused.body.contains("tier is too low for this lead."))
        #expect(portal.post("offerLead", from: "/partners/channel-programme", as: "cara", form: ["lead": "lead-pool-2", "account": "initrode"]).status == 303)
        // Members post ideas; knowledge authors get their page.
        #expect(portal.get("/partners/ideas", as: "pat").body.contains("Post an idea"))
        #expect(portal.get("/partners/knowledge-authoring", as: "cara").body.contains("Knowledge authoring"))
        #expect(portal.get("/partners/knowledge-authoring", as: "pat").status != 200)
    }
}
