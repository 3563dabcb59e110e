import CommunityModel
import CommunityRendering
import Testing

struct BadNameComponent: SiteComponent {
    struct Properties: Codable, Sendable {}
    static let type: ComponentType = "nodot"
    static let propertySchema = PropertySchema.none
    init(properties: Properties) {}
    func render(in context: RenderContext) throws -> HTMLNode { .empty }
}

struct ImpostorHeader: SiteComponent {
    struct Properties: Codable, Sendable {}
    static let type: ComponentType = "community.header"
    static let propertySchema = PropertySchema.none
    init(properties: Properties) {}
    func render(in context: RenderContext) throws -> HTMLNode { .empty }
}

@Suite struct RegistryTests {
    @Test func standardHasEveryBuiltIn() {
        #expect(ComponentRegistry.standard.types.count == 61)
        #expect(ComponentRegistry.standard.entry(for: "community.searchPromotions") != nil)
        #expect(ComponentRegistry.standard.entry(for: "community.kpiDashboard") != nil)
        #expect(ComponentRegistry.standard.entry(for: "community.recordList") != nil)
        for type: ComponentType in ["community.caseWork", "community.caseQueue", "community.registrationQueue", "community.accessExplanation",
                                    "community.fundClaims", "community.fundAllocation", "community.leadPool", "community.leadConversion",
                                    "community.ideaForm", "community.ideaDetail", "community.knowledgeAuthoring", "community.storeStatus"] {
            #expect(ComponentRegistry.standard.entry(for: type) != nil, "\(type)")
        }
    }

    @Test func duplicateMalformedAndFrozenFail() throws {
        var registry = ComponentRegistry.standard
        #expect(throws: RegistryError.duplicateType("community.header")) { try registry.register(ImpostorHeader.self) }
        #expect(throws: RegistryError.malformedType("nodot")) { try registry.register(BadNameComponent.self) }
        try registry.register(QuoteComponent.self)
        var frozen = registry.frozen()
        #expect(frozen.isFrozen)
        #expect(throws: RegistryError.frozen("acme.quote")) { try frozen.register(QuoteComponent.self) }
        #expect(frozen.entry(for: "acme.quote") != nil)
    }

    @Test func hostComponentRendersWithDefaults() throws {
        var registry = ComponentRegistry()
        try registry.register(QuoteComponent.self)
        let render = try registry.compile(ComponentInstance(id: "q", type: "acme.quote", properties: ["text": "<hi>"]), path: "p")
        let site = try Site(id: "s", name: "S")
        let html = try render(RenderContext(viewer: .guest, site: site, page: Page(id: "p", title: "P", slug: "p"))).render()
        #expect(html == "<blockquote class=\"size-m\">&lt;hi&gt;</blockquote>")
        #expect(throws: LayoutError(issues: [.unknownComponentType("acme.nope", path: "p")])) {
            try registry.compile(ComponentInstance(id: "q", type: "acme.nope"), path: "p")
        }
    }

    @Test func environmentValuesPassDown() throws {
        enum Accent: RenderEnvironmentKey { static let defaultValue = "none" }
        let site = try Site(id: "s", name: "S")
        let context = RenderContext(viewer: .guest, site: site, page: Page(id: "p", title: "P", slug: "p"))
        #expect(context.environment[Accent.self] == "none")
        #expect(context.with(Accent.self, "gold").environment[Accent.self] == "gold")
    }
}
