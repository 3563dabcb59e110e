import CommunityKit
import Testing

/// The README's "Embedding" example, compiled and run, so the documented host code keeps working.
@Suite struct ReadmeEmbeddingTests {
    struct ReadmeQuote: SiteComponent {
        struct Properties: Codable, Sendable { var text: String }
        static let type: ComponentType = "readme.quote"
        static let propertySchema = PropertySchema([.init("text", .string, required: true)])
        let properties: Properties
        init(properties: Properties) { self.properties = properties }
        func render(in context: RenderContext) throws -> HTMLNode {
            .el("blockquote", text: properties.text)
        }
    }

    @Test func theReadmeHostWiringServesPagesAndRefusesUnauthenticatedActions() throws {
        let plugin = CommunityPlugin(name: "Quotes") { setup in try setup.registry.register(ReadmeQuote.self) }
        let community = try Community(CommunityConfiguration(
            csrfSecret: Array("a-secret-of-at-least-16-bytes".utf8), plugins: [plugin]))
        var site = try SiteTemplate.partnerCentral.makeSite(
            .init(id: "partners", name: "Partner Central", urlPrefix: "/partners", memberProfileIDs: ["partner"]))
        site.status = .published
        try community.addSite(site)
        #expect(community.registry.entry(for: "readme.quote") != nil)

        func serve(method: String, path: String, query: [String: String], form: [String: String],
                   userID: String?, sessionID: String) -> (Int, [String: String], String) {
            let viewer = userID.flatMap { try? ID<User>(parsing: $0) }.map { community.viewer($0, sessionID: sessionID) } ?? .guest
            let response = community.handle(SiteRequest(method == "POST" ? .post : .get, path,
                                                        query: query, form: form, viewer: viewer))
            return (response.status, response.headers, response.body)
        }

        let (status, headers, body) = serve(
            method: "GET", path: "/partners/", query: [:], form: [:], userID: nil, sessionID: "s1")
        #expect(status == 200)
        #expect(headers.keys.contains { $0.lowercased() == "content-security-policy" })
        #expect(body.contains("<html"))
        // A form action without a CSRF token is refused.
        let (postStatus, _, _) = serve(
            method: "POST", path: "/partners/_action/registerLead", query: [:], form: ["Company": "X"],
            userID: nil, sessionID: "s1")
        #expect(postStatus >= 400)
    }
}
