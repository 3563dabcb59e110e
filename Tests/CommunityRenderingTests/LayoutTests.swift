import CommunityRendering
import CommunityTesting
import Foundation
import Testing

/// A host component for registry tests.
struct QuoteComponent: SiteComponent {
    struct Properties: Codable, Sendable {
        var text: String
        var size: String
        var count: Int
    }
    static let type: ComponentType = "acme.quote"
    static let propertySchema = PropertySchema([
        .init("text", .string, required: true),
        .init("size", .string, default: "m", allowed: ["s", "m", "l"]),
        .init("count", .integer, default: 1),
    ])
    let properties: Properties
    init(properties: Properties) { self.properties = properties }
    func render(in context: RenderContext) throws -> HTMLNode {
        .el("blockquote", [.class("size-\(properties.size)")], text: String(repeating: properties.text, count: max(1, min(properties.count, 3))))
    }
}

@Suite struct LayoutTests {
    func registry() throws -> ComponentRegistry {
        var registry = ComponentRegistry.standard
        try registry.register(QuoteComponent.self)
        return registry
    }

    /// A random layout built with the DSL, using `if`, `if/else` and `for`.
    static func randomLayout(_ rng: inout SeededRandom) -> PageLayout {
        let regionCount = Int.random(in: 1...3, using: &rng)
        let texts = ["a", "ü", "한국어", "<b>", "\"q\"", ""]
        var counter = 0
        func nextID() -> String { counter += 1; return "c\(counter)" }
        let plan: [[[Int]]] = (0..<regionCount).map { _ in
            (0..<Int.random(in: 1...3, using: &rng)).map { _ in (0..<Int.random(in: 1...3, using: &rng)).map { _ in Int.random(in: 0...3, using: &rng) } }
        }
        let withHeader = Bool.random(using: &rng)
        let pick = texts[Int.random(in: 0..<texts.count, using: &rng)]
        return PageLayout {
            if withHeader {
                Region("header") { Row { Column(12) { ComponentInstance(id: nextID(), type: "community.header") } } }
            }
            for (r, rows) in plan.enumerated() {
                Region("region\(r)") {
                    for columns in rows {
                        Row {
                            for count in columns {
                                Column(span: ColumnSpan(phone: 12, tablet: 12 / columns.count, desktop: 12 / columns.count)) {
                                    for _ in 0..<count {
                                        if count % 2 == 0 {
                                            ComponentInstance(id: nextID(), type: "acme.quote", properties: ["text": .string(pick), "count": .number(Double(count))])
                                        } else {
                                            ComponentInstance(id: nextID(), type: "community.richText", properties: ["html": .string(pick)], audienceID: count == 3 ? "a" : nil)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test(arguments: 0..<40)
    func dslToJSONAndBackIsIdentity(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed))
        let layout = Self.randomLayout(&rng)
        let data = try JSONEncoder().encode(layout)
        let decoded = try JSONDecoder().decode(PageLayout.self, from: data)
        #expect(decoded == layout)
        #expect(try validLayoutIssues(layout).isEmpty)
    }

    func validLayoutIssues(_ layout: PageLayout) throws -> [LayoutIssue] {
        LayoutValidator(registry: try registry(), audienceIDs: ["a"]).validate(layout)
    }

    @Test func dslBuildsTheCanonicalValue() {
        let built = PageLayout {
            Region("main") { Row { Column(8) { ComponentInstance(id: "x", type: "acme.quote", properties: ["text": "hi"]) } } }
        }
        let plain = PageLayout(schemaVersion: 1, regions: [Region(name: "main", rows: [Row(columns: [
            Column(span: ColumnSpan(phone: 12, tablet: 8, desktop: 8), components: [ComponentInstance(id: "x", type: "acme.quote", properties: ["text": "hi"])]),
        ])])])
        #expect(built == plain)
    }

    @Test func componentTypeEncodesAsBareString() throws {
        let data = try JSONEncoder().encode(ComponentInstance(id: "x", type: "acme.quote"))
        #expect(String(decoding: data, as: UTF8.self).contains("\"type\":\"acme.quote\""))
    }

    @Test func unknownTypesStillDecode() throws {
        let json = #"{"schemaVersion":1,"regions":[{"name":"main","rows":[{"columns":[{"span":{"phone":12,"tablet":12,"desktop":12},"components":[{"id":"z","type":"other.thing","properties":{"deep":{"x":[1,2,{"y":null}]}}}]}]}]}]}"#
        let layout = try JSONDecoder().decode(PageLayout.self, from: Data(json.utf8))
        #expect(layout.placedComponents.first?.instance.type == "other.thing")
        #expect(try validLayoutIssues(layout) == [.unknownComponentType("other.thing", path: "regions[0].rows[0].columns[0].components[0]")])
    }

    @Test func validationReportsEveryProblemWithItsPath() throws {
        var deep: JSONValue = "leaf"
        for _ in 0..<10 { deep = ["n": deep] }
        let layout = PageLayout(schemaVersion: 9, regions: [
            Region(name: "main", rows: [
                Row(columns: [
                    Column(span: ColumnSpan(phone: 0, tablet: 12, desktop: 8), components: [
                        ComponentInstance(id: "a", type: "acme.quote", properties: [:]),
                        ComponentInstance(id: "b", type: "acme.quote", properties: ["text": 5, "size": "xl", "extra": true]),
                        ComponentInstance(id: "a", type: "acme.missing"),
                    ]),
                    Column(span: ColumnSpan(desktop: 13), components: [
                        ComponentInstance(id: "", type: "acme.quote", properties: ["text": "ok"]),
                        ComponentInstance(id: "d", type: "acme.quote", properties: deep),
                        ComponentInstance(id: "e", type: "acme.quote", properties: ["text": "ok", "count": 1.5], audienceID: "nobody"),
                        ComponentInstance(id: "f", type: "community.banner", properties: ["heading": "h", "link": "javascript:alert(1)"]),
                    ]),
                ]),
            ]),
            Region(name: "main", rows: []),
        ])
        let issues = LayoutValidator(registry: try registry(), audienceIDs: ["a"]).validate(layout)
        let p = "regions[0].rows[0]"
        #expect(issues == [
            .unsupportedSchemaVersion(9, path: "schemaVersion"),
            .rowOverflow(.tablet, total: 25, path: p),
            .rowOverflow(.desktop, total: 21, path: p),
            .invalidSpan(.phone, span: 0, path: "\(p).columns[0]"),
            .missingProperty(name: "text", path: "\(p).columns[0].components[0].properties"),
            .mistypedProperty(name: "text", expected: .string, found: "number", path: "\(p).columns[0].components[1].properties"),
            .invalidPropertyValue(PropertyViolation(
                componentID: "b", componentType: "acme.quote", property: "size", value: "xl", allowed: .oneOf(["s", "m", "l"]),
                path: "\(p).columns[0].components[1].properties")),
            .unknownProperty(name: "extra", path: "\(p).columns[0].components[1].properties"),
            .duplicateComponentID("a", path: "\(p).columns[0].components[2]", firstPath: "\(p).columns[0].components[0]"),
            .unknownComponentType("acme.missing", path: "\(p).columns[0].components[2]"),
            .invalidSpan(.tablet, span: 13, path: "\(p).columns[1]"),
            .invalidSpan(.desktop, span: 13, path: "\(p).columns[1]"),
            .invalidComponentID("", path: "\(p).columns[1].components[0]"),
            .tooDeep(depth: 10, limit: 8, path: "\(p).columns[1].components[1].properties"),
            .unknownAudience("nobody", path: "\(p).columns[1].components[2]"),
            .mistypedProperty(name: "count", expected: .integer, found: "number", path: "\(p).columns[1].components[2].properties"),
            .mistypedProperty(name: "link", expected: .url, found: "string", path: "\(p).columns[1].components[3].properties"),
            .duplicateRegion("main", path: "regions[1]"),
        ])
        #expect(throws: LayoutError.self) { try LayoutValidator(registry: try registry()).check(layout) }
        #expect(issues.allSatisfy { !$0.description.isEmpty && !$0.path.isEmpty })
    }

    @Test func diffMatchesComponentsByID() {
        let old = PageLayout {
            Region("main") {
                Row {
                    Column(6) {
                        ComponentInstance(id: "a", type: "acme.quote", properties: ["text": "1"])
                        ComponentInstance(id: "b", type: "acme.quote", properties: ["text": "2"])
                    }
                    Column(6) { ComponentInstance(id: "c", type: "community.banner", properties: ["heading": "x"]) }
                }
            }
        }
        let new = PageLayout {
            Region("main") {
                Row {
                    Column(4) { ComponentInstance(id: "b", type: "acme.quote", properties: ["text": "2"]) }
                    Column(6) {
                        ComponentInstance(id: "c", type: "community.banner", properties: ["heading": "y", "text": "t"], audienceID: "gold")
                        ComponentInstance(id: "d", type: "community.richText", properties: ["html": "<p>n</p>"])
                    }
                }
            }
        }
        let diff = LayoutDiff(from: old, to: new)
        #expect(diff.changes == [
            .spanChanged(path: "regions[0].rows[0].columns[0]", from: ColumnSpan(desktop: 6), to: ColumnSpan(desktop: 4)),
            .removed(id: "a", type: "acme.quote", path: "regions[0].rows[0].columns[0].components[0]"),
            .moved(id: "b", from: "regions[0].rows[0].columns[0].components[1]", to: "regions[0].rows[0].columns[0].components[0]"),
            .propertiesChanged(id: "c", keys: ["heading", "text"]),
            .audienceChanged(id: "c", from: nil, to: "gold"),
            .added(id: "d", type: "community.richText", path: "regions[0].rows[0].columns[1].components[1]"),
        ])
        #expect(LayoutDiff(from: old, to: old).isEmpty)
    }
}
