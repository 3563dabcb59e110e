import CommunityEngagement
import CommunityModel
import Foundation
import Testing

@Suite("Service notices in the Engagement inbox")
struct ServiceInboxTests {
    @Test func escalationNoticesReachTheInbox() throws {
        let fixture = ServiceFixture()
        let qa = try Engagement(
            store: fixture.store, bus: fixture.bus, clock: fixture.clock, access: CommunityAccessPolicy(engine: fixture.engine))
        let environment = ServiceEnvironment(
            store: fixture.store, bus: fixture.bus, clock: fixture.clock, access: ServiceAccessPolicy(engine: fixture.engine),
            notifier: InboxServiceNotifier(engagement: qa))
        var configuration = CaseServiceConfiguration(defaultOwner: .queue("tier1"))
        configuration.escalationRules = [
            CaseEscalationRule(name: "urgent", trigger: .priority([.critical]), actions: [.notify("boss")])
        ]
        let service = try CaseService(environment: environment, configuration: configuration)
        let record = try service.submit(CaseDraft(subject: "Down", priority: .critical), by: "custA")
        try service.runEscalations()
        let inbox = try qa.notifications.list("boss")
        #expect(inbox.count == 1)
        #expect(inbox.first?.kind == .caseUpdated)
        #expect(inbox.first?.title.contains("Down") == true)
        #expect(inbox.first?.link == "case/\(record.id.rawValue)")
    }
}
