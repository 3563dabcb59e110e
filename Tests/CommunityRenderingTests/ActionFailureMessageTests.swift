import CommunityModel
import CommunityRendering
import Foundation
import Testing

/// An action that throws shows a translated sentence that quotes nothing, and the detail goes to the log.
@Suite struct ActionFailureMessageTests {
    struct SecretFailure: Error, CustomStringConvertible {
        var description: String { "database password hunter2 at /var/db <b>" }
    }

    @Test func anUnexpectedErrorIsTranslatedAndLogged() throws {
        var actions = FormActionRegistry()
        actions.register("askQuestion") { _ in throw SecretFailure() }
        let logger = RecordingLogger()
        var services = Fixtures.services(engine: Fixtures.accessEngine())
        services.set((any CommunityLogger).self, logger)
        let responder = try SiteResponder(site: try Fixtures.site(), registry: .standard, services: services, actions: actions,
                                          csrf: Fixtures.csrf, clock: Fixtures.clock)
        let viewer = Fixtures.viewer(Fixtures.customer)  // ko_KR
        let token = Fixtures.csrf.token(for: viewer, site: "help", at: Fixtures.clock.now())
        let response = responder.handle(SiteRequest(.post, "/help/_action/askQuestion",
                                                    form: ["_csrf": token, "_return": "/help/ask", "title": "t", "body": "b"], viewer: viewer))
        #expect(response.status == 422)
        #expect(response.body.contains(UIStrings.standard.text("form.unexpectedError", locale: "ko")))
        #expect(!response.body.contains("hunter2") && !response.body.contains("SecretFailure"))
        let event = try #require(logger.events(named: .actionFailed).first)
        #expect(event.metadata["action"] == .text("askQuestion"))
        #expect(event.metadata["error"] == .text("database password hunter2 at /var/db <b>"))
    }

    @Test func actionsReceiveThePagesLocale() throws {
        var actions = FormActionRegistry()
        actions.register("askQuestion") { request in .invalid(["title": request.text("ask.titleMissing")]) }
        let responder = try Fixtures.responder(actions: actions)
        let viewer = Fixtures.viewer(Fixtures.partnerB)  // de_DE
        let token = Fixtures.csrf.token(for: viewer, site: "help", at: Fixtures.clock.now())
        let response = responder.handle(SiteRequest(.post, "/help/_action/askQuestion", form: ["_csrf": token, "_return": "/help/ask"],
                                                    viewer: viewer, headers: ["Accept-Language": "ko"]))
        #expect(response.status == 422)
        #expect(response.body.contains("<html lang=\"de-DE\">"))
        #expect(response.body.contains("id=\"f-askQuestion-title-error\">Geben Sie einen Titel ein.</p>"))
        #expect(response.body.contains("aria-invalid=\"true\""))
    }
}
