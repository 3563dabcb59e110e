import CommunityModel
import CommunityAccess
import CommunityRendering
import Foundation
import Testing

/// Every built-in component, fed hostile text through its properties, its page parameters and
/// its data, must render that text inert.
@Suite struct BuiltInEscapingTests {
    static let hostileTable: [String] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "\" onmouseover=\"alert(1)",
        "' onmouseover='alert(1)",
        "javascript:alert(1)",
        "</textarea><script>alert(1)</script>",
        "<svg onload=alert(1)>",
        "</script><script>alert(1)</script>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<a href=\"javascript:alert(1)\">x</a>",
        "한국어 <b onclick=alert(1)>굵게</b> Übergröße",
    ]

    static let forbidden = [
        "<script>alert", "<img src=x", "<svg onload", "\" onmouseover=", "' onmouseover=", "href=\"javascript:", "src=\"javascript:", "action=\"javascript:",
        "</textarea><script", "<b onclick", "</script><script",
    ]

    static func properties(for type: ComponentType, hostile: String) -> JSONValue {
        guard let schema = ComponentRegistry.standard.entry(for: type)?.schema else { return [:] }
        var object: [String: JSONValue] = [:]
        for property in schema.properties {
            switch property.type {
            case .string, .url: object[property.name] = .string(hostile)
            case .array: object[property.name] = [.string(hostile)]
            default: break
            }
        }
        // Give data components an object they can read.
        if object["object"] != nil { object["object"] = "Lead" }
        if type == "community.recordList" { object["fields"] = ["Company", "LastName", .string(hostile)] }
        if type == "community.dashboard" { object["groupBy"] = "Company"; object["measure"] = "count" }
        return .object(object)
    }

    @Test(arguments: ComponentRegistry.standard.types, hostileTable)
    func hostileInputIsInert(_ type: ComponentType, _ hostile: String) throws {
        let hostileLead = Lead(id: "L-hostile", firstName: hostile, lastName: hostile, company: hostile, email: hostile, owner: .user("pa"),
                               customFields: ["Note__c": .text(hostile)])
        let engine = Fixtures.accessEngine(extraLeads: [hostileLead])
        let services = Fixtures.services(engine: engine, knowledge: FakeKnowledge(hostile: hostile), engagement: FakeEngagement(hostile: hostile))
        var site = try Fixtures.site()
        site.name = hostile
        site.menus[0].items.append(.init(hostile, .page("docs")))
        let page = Page(id: "probe", title: hostile, slug: "probe", layout: PageLayout {
            Region("main") { Row { Column(12) { ComponentInstance(id: "probe", type: type, properties: Self.properties(for: type, hostile: hostile)) } } }
        }, seo: .init(title: hostile, description: hostile))
        try site.addPage(page)
        let responder = try SiteResponder(site: site, registry: .standard, services: services, csrf: Fixtures.csrf, clock: Fixtures.clock)
        let parameters = ["id": "L-hostile", "slug": "reset-password", "name": hostile, "member": hostile]
        for viewer in [Fixtures.partnerA, Fixtures.employee] {
            let request = SiteRequest(.get, "/help/probe", query: ["q": hostile, "subject": hostile], viewer: Fixtures.viewer(viewer))
            let failed = FormState(action: "registerLead", values: ["company": hostile, "lastName": hostile], errors: ["company": hostile, "": hostile])
            for form in [nil, failed] {
                let full = responder.render(site.page("probe")!, parameters: parameters, request: request, form: form).body
                // JSON-LD is data, not markup: check that it cannot close its element, then leave it out.
                let parts = full.components(separatedBy: "<script type=\"application/ld+json\">")
                var body = parts[0]
                for part in parts.dropFirst() {
                    let pieces = part.components(separatedBy: "</script>")
                    #expect(pieces.count == 2, "\(type): JSON-LD closed early for \(hostile)")
                    body += pieces.dropFirst().joined(separator: "</script>")
                }
                for marker in Self.forbidden {
                    #expect(!body.contains(marker), "\(type) leaked \(marker) for \(hostile)")
                }
                #expect(!body.contains("ck-error\" role=\"alert\"><"), "\(type) failed to render")
            }
        }
    }

    @Test func richTextIsSanitised() throws {
        var registry = ComponentRegistry()
        try registry.register(RichTextComponent.self)
        let render = try registry.compile(ComponentInstance(id: "r", type: "community.richText", properties: [
            "html": "<p onclick=\"x()\">Hi <a href=\"javascript:alert(1)\">link</a><script>alert(1)</script><strong>bold</strong></p>",
        ]), path: "p")
        let html = try render(RenderContext(viewer: .guest, site: try Fixtures.site(), page: Page(id: "p", title: "P", slug: "p"))).render()
        #expect(html.contains("<strong>bold</strong>"))
        #expect(!html.contains("onclick") && !html.contains("javascript:") && !html.contains("<script"))
    }
}
