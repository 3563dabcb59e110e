import CommunityKit
import Foundation

/// The scenarios printed by `swift run PartnerPortal`, each run through the engine as the
/// people involved, and the rendered site written per persona.
struct Walkthrough {
    /// The seed of the ids the scenarios create, so `explain` can replay them and name the same records.
    static let idSeed: UInt64 = 2026

    let portal: Portal
    let out: URL
    /// Whether the scenarios print what they do (`explain` replays them quietly).
    var verbose = true
    var community: Community { portal.community }

    func step(_ title: String) { if verbose { print("\n▶ " + title) } }
    func say(_ line: String) { if verbose { print("  " + line) } }

    /// Runs the scenarios, then writes the site.
    func run() throws {
        let leadID = try runScenarios()
        try writeSite()
        print("\nTry: swift run PartnerPortal explain --user bo --record \(leadID)   (the lead Pat registered above)")
        print("     swift run PartnerPortal explain --user bo --record lead-acme-1")
    }

    /// Runs the scenarios with repeatable ids (the same records every run); returns the id of the lead Pat registers.
    @discardableResult
    func runScenarios() throws -> String {
        try IdentifierSequence.$current.withValue(IdentifierSequence(seed: Self.idSeed)) { try scenarios() }
    }

    private func scenarios() throws -> String {
        if verbose {
        print("Northwind Cloud — Partner Central and Help Center on one CommunityKit engine")
        print("sites: " + community.siteIDs.joined(separator: ", ") + "; components: \(community.registry.types.count); actions: " + community.actions.names.joined(separator: ", "))
        }

        step("1. Pat (Acme Analytics, partner user) registers a lead through the portal form")
        let response = portal.post("registerLead", from: "/partners/leads", as: "pat",
                                   form: ["company": "Woodgrove Bank", "firstName": "Ravi", "lastName": "Shah", "email": "ravi@woodgrove.example", "product": "Analytics"])
        say("POST /partners/_action/registerLead → \(response.status) \(response.location ?? "")")
        guard response.status == 303, let location = response.location, let leadID = location.split(separator: "/").last.map(String.init) else {
            throw WalkthroughError.failed("lead registration answered \(response.status): \(response.body.prefix(300))")
        }
        let lead = try community.store.snapshot().value(ID<Lead>(leadID))
        say("lead \(leadID): \(lead?.company ?? "?"), status \(lead?.status.rawValue ?? "?"), owner \(lead?.owner.description ?? "?")")
        let invalid = portal.post("registerLead", from: "/partners/leads", as: "pat", form: ["company": "", "lastName": ""])
        say("an empty form → \(invalid.status), errors shown in the form: \(invalid.body.contains("Enter the company.") ? "yes" : "no")")

        step("2. Cara (channel manager) approves the registration")
        let pending = try community.approvals.pendingRequests(for: "cara")
        say("Cara has \(pending.count) pending approval(s)")
        guard let request = pending.first(where: { $0.item.id(as: Lead.self) == ID<Lead>(leadID) }) else { throw WalkthroughError.failed("no approval request for \(leadID)") }
        _ = try community.approvals.approve(request.id, by: "cara", comment: "Approved — no conflicts.")
        say("lead status now: \(try community.store.snapshot().value(ID<Lead>(leadID))?.status.rawValue ?? "?")")

        step("3. Pat qualifies the lead and converts it into a deal")
        try community.conversions.edit(ID(leadID), by: "pat") { $0.status = .qualified }
        let conversion = try community.conversions.convert(
            LeadConversionRequest(leadID: ID(leadID), opportunityName: "Woodgrove Bank – Analytics", stage: "Qualification",
                                  closeDate: Seed.closeDay(community.clock.now(), inDays: 60), amount: 120_000), by: "pat")
        let opportunityID = conversion.opportunityID?.rawValue ?? "?"
        say("converted: account \(conversion.accountID), contact \(conversion.contactID), opportunity \(opportunityID)")

        step("4. Who sees the new deal")
        for (user, label) in [("mia", "Mia, Pat's partner manager"), ("alex", "Alex, Acme's partner executive"), ("bo", "Bo, another partner (Globex)"), ("cara", "Cara, channel manager")] {
            let deals = portal.get("/partners/deals", as: user).body
            let detail = portal.get("/partners/deal/\(opportunityID)", as: user)
            say("\(label): deals list \(deals.contains("Woodgrove Bank") ? "shows" : "does not show") it; /deal/\(opportunityID) → \(detail.status)")
        }
        let fls = portal.get("/partners/lead/lead-acme-1", as: "pat").body
        say("field-level security: Pat's view of lead-acme-1 \(fls.contains("Internal_Score__c") ? "shows" : "hides") Internal_Score__c; Cara's \(portal.get("/partners/lead/lead-acme-1", as: "cara").body.contains("Internal_Score__c") ? "shows" : "hides") it")

        step("5. A customer's question escalates into a case")
        let ask = portal.post("askQuestion", from: "/help/questions", as: "kim",
                              form: ["title": "Dashboard outage in our Seoul stores", "body": "대시보드가 오늘 아침부터 열리지 않습니다. Outage since 9:00.", "topic": "Dashboards"])
        say("Minji (Seoul Retail) asks on the Help Center → \(ask.status) \(ask.location ?? "")")
        let escalated = try community.store.snapshot().all(Question.self).map(\.value).first { $0.title.contains("Seoul") }
        if let escalation = escalated?.escalation, let record = try community.store.snapshot().value(escalation.caseID) {
            say("escalated (\(escalation.reason)) into case \(record.id): “\(record.subject)”, owner \(record.owner), status \(record.status)")
            say("Sam (support) can read it: \(community.access.snapshot.access("sam", to: "Case", id: record.id.rawValue) >= .read)")
        } else {
            say("the question did not escalate")
        }

        step("6. Guests, search engines and languages")
        let guestHome = portal.get("/partners/", as: nil)
        say("guest /partners/ → \(guestHome.status); /partners/leads → \(portal.get("/partners/leads", as: nil).status)")
        say("sitemap.xml lists \(portal.get("/partners/sitemap.xml", as: nil).body.components(separatedBy: "<loc>").count - 1) guest-visible URLs")
        say("Ines (de_DE) sees the header in German: \(portal.get("/partners/", as: "ines").body.contains("Zum Inhalt springen"))")
        say("Gold partners get their own home page variation: \(portal.get("/partners/", as: "pat").body.contains("Welcome, Gold partners"))")
        if let mdf = portal.articles.partnerOnly.first {
            say("partner-only article \(mdf): guest → \(portal.get("/partners" + mdf, as: nil).status), Pat → \(portal.get("/partners" + mdf, as: "pat").status)")
        }
        let search = portal.get("/partners/search", as: "jisoo", query: ["q": "딜 등록"])
        say("지수 searches “딜 등록” in Korean: \(search.body.contains("딜 등록 방법") ? "finds" : "does not find") “딜 등록 방법”")

        return leadID
    }

    /// Writes what each persona sees, one HTML file per page, with relative links.
    func writeSite() throws {
        var extra = ["/partners/lead/lead-acme-1", "/partners/deal/opp-acme-1", "/partners/case/case-acme-1", "/partners/no-such-page"]
        extra += portal.articles.paths.map { "/partners" + $0 }
        let pages = try SiteExport(portal: portal, out: out).write(extraPaths: extra)
        print("\nwrote \(pages) pages for \(SiteExport.personas.count) personas, sitemap, robots.txt and the site bundle to \(out.path)")
        print("open \(out.appendingPathComponent("guest/partners_home.html").path) in a browser; every link works from disk")
    }
}

enum WalkthroughError: Error, CustomStringConvertible {
    case failed(String)
    var description: String {
        switch self {
        case .failed(let s): s
        }
    }
}
