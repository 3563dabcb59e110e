import CommunityKit
import Foundation

/// Northwind's partner programme on the engine: lead distribution and market development funds
/// approved by channel managers, budgets and a pooled lead offered to Acme, a banner on approved
/// leads (a record-field audience), and the scheduled work `serve` runs.
enum PortalPrograms {
    /// Channel managers approve fund requests and claims; pooled NA and EMEA leads go to Acme and Initrode in turn.
    static func configure(_ configuration: inout CommunityConfiguration) {
        let channel = [ApprovalStep(name: "Channel manager review", approvers: [.role("channel-manager")])]
        configuration.programs = ProgramConfiguration(
            leadDistributionRules: [LeadDistributionRule(name: "NA and EMEA", criteria: [.region(["NA", "EMEA"])], partners: ["acme", "initrode"])],
            fundRequestSteps: channel, fundClaimSteps: channel)
    }

    /// First run only: this quarter's budgets, a fund request from Alex, and a pooled lead the rules offer to Acme.
    static func seed(_ community: Community) throws {
        let period = FundRequestsComponent.quarter(of: community.clock.now())
        for (account, amount) in [("acme", Decimal(20_000)), ("globex", 5_000), ("initrode", 50_000)] {
            try community.funds.allocate(amount, to: ID(account), period: period, by: "cara")
        }
        _ = try community.funds.requestFunds(4_500, for: "Partner summit booth", period: period, by: "alex", site: "partners")
        try community.store.write { tx in
            try tx.put(Lead(id: "lead-pool-1", firstName: "Ola", lastName: "Nordmann", company: "Vinterbad AS", region: "EMEA",
                            product: "Cloud", owner: .queue(community.leadDistribution.poolQueue)))
        }
        try community.leadDistribution.distribute("lead-pool-1")
    }

    /// An audience on the lead's status and a banner for it on the lead page.
    static func extend(_ site: inout Site) throws {
        site.audiences.append(Audience(id: "approved-leads", name: "Approved leads",
                                       criteria: .recordField("Status", .equals([.picklist("approved")]))))
        guard var page = site.page("lead"), let main = page.layout.regions.firstIndex(where: { $0.name == "main" }) else { return }
        page.layout.regions[main].rows.insert(Row(columns: [Column(components: [
            ComponentInstance(id: "approved", type: "community.banner",
                              properties: ["heading": "Approved", "text": "Your channel manager approved this lead: convert it into a deal."],
                              audienceID: "approved-leads"),
        ])]), at: 0)
        try site.updatePage(page)
    }

    /// Runs ``Community/runDueWork(now:)`` now and then every `interval` seconds on a background
    /// thread, printing what ran; returns the timer to keep.
    static func scheduleDueWork(_ community: Community, every interval: TimeInterval, print: @escaping @Sendable (String) -> Void) -> any DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "partner-portal.due-work"))
        timer.schedule(deadline: .now(), repeating: interval)
        timer.setEventHandler {
            let summary = community.runDueWork()
            guard !summary.changedNothing else { return }
            var parts: [String] = []
            if !summary.escalatedQuestions.isEmpty { parts.append("\(summary.escalatedQuestions.count) questions escalated") }
            if !summary.escalatedCases.isEmpty { parts.append("\(summary.escalatedCases.count) cases escalated") }
            if !summary.milestoneAlerts.isEmpty { parts.append("\(summary.milestoneAlerts.count) milestone alerts") }
            if !summary.expiredLeadOffers.isEmpty { parts.append("\(summary.expiredLeadOffers.count) lead offers expired") }
            let mails = summary.emailsSent.values.reduce(0, +)
            if mails > 0 { parts.append("\(mails) e-mails") }
            if !summary.rankedIdeaZones.isEmpty { parts.append("\(summary.rankedIdeaZones.count) idea zones ranked") }
            for (job, reason) in summary.failures.sorted(by: { $0.key < $1.key }) { parts.append("\(job.rawValue) failed: \(reason)") }
            print("due work: " + parts.joined(separator: ", "))
        }
        timer.resume()
        return timer
    }
}
