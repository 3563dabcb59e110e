import CommunityModel
import CommunityRendering
import Foundation
import Synchronization
import Testing

/// Records every `limit` a component asks a provider for, and returns a few items.
final class LimitRecorder: EngagementProvider, KnowledgeProvider, Sendable {
    private let limits = Mutex<[Int]>([])

    var asked: [Int] { limits.withLock { $0 } }

    private func note(_ limit: Int) { limits.withLock { $0.append(limit) } }

    func questions(topic: String?, viewer: Viewer, limit: Int) throws -> [QuestionSummary] {
        note(limit)
        return [QuestionSummary(id: "q1", title: "Q", author: "A", answerCount: 0, isSolved: false, topics: [], asked: nil)]
    }
    func question(id: String, viewer: Viewer) throws -> QuestionView? { nil }
    func ideas(viewer: Viewer, limit: Int) throws -> [IdeaSummary] { note(limit); return [] }
    func feed(viewer: Viewer, limit: Int) throws -> [FeedItemView] { note(limit); return [] }
    func groups(viewer: Viewer, limit: Int) throws -> [GroupSummary] { note(limit); return [] }
    func leaderboard(viewer: Viewer, limit: Int) throws -> [LeaderEntry] { note(limit); return [] }
    func member(id: String, viewer: Viewer) throws -> MemberProfile? { nil }
    func members(viewer: Viewer, limit: Int) throws -> [MemberProfile] { note(limit); return [] }
    func search(_ query: String, locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard] { note(limit); return [] }
    func articles(topic: String?, locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard] { note(limit); return [] }
    func article(slug: String, locale: String, viewer: Viewer) throws -> ArticleDisplay? { nil }
    func topics(viewer: Viewer) throws -> [TopicSummary] { [] }
    func vote(articleID: String, helpful: Bool, viewer: Viewer) throws {}
}

@Suite struct PropertyBoundsTests {
    static let countedTypes: [(ComponentType, String)] = [
        ("community.questionList", "limit"), ("community.ideaList", "limit"), ("community.groupList", "limit"),
        ("community.memberDirectory", "limit"), ("community.feed", "limit"), ("community.leaderboard", "limit"),
        ("community.articleList", "limit"), ("community.searchResults", "limit"), ("community.topicPage", "limit"),
        ("community.recordList", "limit"), ("community.caseForm", "suggestions"),
    ]

    func site(with instance: ComponentInstance) throws -> Site {
        var site = try Site(id: "s", name: "S", urlPrefix: "/s", status: .published, memberProfileIDs: ["partner"])
        try site.addPage(Page(id: "home", title: "Home", slug: "", layout: PageLayout {
            Region("main") { Row { Column(12) { instance } } }
        }))
        return site
    }

    func properties(_ type: ComponentType, _ name: String, _ value: JSONValue) -> JSONValue {
        var object: [String: JSONValue] = [name: value]
        if type == "community.recordList" { object["object"] = "Lead" }
        return .object(object)
    }

    @Test(arguments: [-1, 0, 1_000_000, 1e300] as [Double])
    func countsOutsideTheirRangeAreRefusedWithTheValueAndTheRange(_ value: Double) throws {
        for (type, name) in Self.countedTypes {
            let instance = ComponentInstance(id: "c", type: type, properties: properties(type, name, .number(value)))
            let errors = try site(with: instance).validate(registry: .standard)
            if value == 0, type == "community.caseForm" {
                #expect(errors.isEmpty, "no suggestions is allowed")
                continue
            }
            guard case .invalidLayout(pageID: "home", let error)? = errors.first, errors.count == 1 else {
                Issue.record("\(type) \(value): \(errors)")
                continue
            }
            let violations = error.issues.compactMap { issue -> PropertyViolation? in
                if case .invalidPropertyValue(let v) = issue { v } else { nil }
            }
            let violation = try #require(violations.first, "\(type) \(value): \(error.issues)")
            #expect(violation.componentID == "c" && violation.componentType == type && violation.property == name)
            #expect(violation.value == JSONValue.number(value).description)
            guard case .range(let low?, let high?) = violation.allowed else { Issue.record("\(violation.allowed)"); continue }
            #expect(low >= 0 && high <= 200)
            #expect(error.description.contains(name))
        }
    }

    @Test func wrongTypesAndFractionsAreRefused() throws {
        for (type, name) in Self.countedTypes {
            for bad in ["10", 2.5, true, [1]] as [JSONValue] {
                let errors = try site(with: ComponentInstance(id: "c", type: type, properties: properties(type, name, bad)))
                    .validate(registry: .standard)
                #expect(errors == [.invalidLayout(pageID: "home", LayoutError(issues: [.mistypedProperty(
                    name: name, expected: .integer, found: bad.kindName, path: "regions[0].rows[0].columns[0].components[0].properties")]))])
            }
        }
    }

    @Test func bundlesWithOutOfRangeCountsAreRefusedWithTypedIssues() throws {
        let site = try site(with: ComponentInstance(id: "ql", type: "community.questionList", properties: ["limit": -1]))
        let bundle = try SiteBundle.decode(SiteBundle(site: site).encoded())
        do throws(BundleError) {
            _ = try bundle.plan(over: nil, registry: .standard)
            Issue.record("expected the bundle to be refused")
        } catch {
            let expected = PropertyViolation(
                componentID: "ql", componentType: "community.questionList", property: "limit", value: -1,
                allowed: .range(minimum: 1, maximum: 50), path: "regions[0].rows[0].columns[0].components[0].properties")
            #expect(error == .invalidSite([.invalidLayout(pageID: "home", LayoutError(issues: [.invalidPropertyValue(expected)]))]))
            #expect(error.description.contains("limit") && error.description.contains("-1") && error.description.contains("from 1 to 50"))
        }
    }

    @Test func stringLengthsPatternsAndEnumerationsAreEnforced() throws {
        let cases: [(ComponentInstance, PropertyConstraint)] = [
            (ComponentInstance(id: "b", type: "community.banner", properties: ["heading": .string(String(repeating: "x", count: 201))]),
             .length(minimum: 1, maximum: 200)),
            (ComponentInstance(id: "b", type: "community.banner", properties: ["heading": "h", "level": 3]), .oneOf([1, 2])),
            (ComponentInstance(id: "r", type: "community.recordList", properties: ["object": "Lead; DROP"]), .pattern(.apiName)),
            (ComponentInstance(id: "r", type: "community.recordList", properties: ["object": "Lead", "fields": ["Name", "bad field"]]),
             .pattern(.apiName)),
            (ComponentInstance(id: "h", type: "community.header", properties: ["menu": "main menu"]), .pattern(.identifier)),
            (ComponentInstance(id: "d", type: "community.dealPipeline", properties: ["stages": .array(Array(repeating: "s", count: 51))]),
             .length(minimum: 0, maximum: 50)),
        ]
        for (instance, allowed) in cases {
            let errors = try site(with: instance).validate(registry: .standard)
            guard case .invalidLayout(_, let error)? = errors.first, case .invalidPropertyValue(let violation)? = error.issues.first else {
                Issue.record("\(instance.type): \(errors)")
                continue
            }
            #expect(violation.allowed == allowed)
            #expect(violation.value.count <= PropertyViolation.valueLimit + 1)
        }
    }

    @Test func everyBuiltInSchemaIsConsistentAndItsDefaultsValidate() throws {
        let registry = ComponentRegistry.standard
        for type in registry.types {
            let schema = try #require(registry.entry(for: type)).schema
            #expect(schema.selfIssues == [], "\(type)")
        }
        let bad = PropertySchema([.init("n", .integer, default: 0, range: 1...5), .init("p", .string, pattern: PropertyPattern(name: "bad", expression: "(("))])
        #expect(bad.selfIssues.count == 2)
        #expect(PropertySchema([.init("s", .string, pattern: PropertyPattern(name: "broken", expression: "(("))])
            .issues(in: ["s": "x"], path: "p").count == 1, "a pattern that does not compile matches nothing")
    }

    @Test func spansThatWouldOverflowAreReportedNotSummed() throws {
        let layout = PageLayout(regions: [Region(name: "main", rows: [Row(columns: [
            Column(span: ColumnSpan(phone: 12, tablet: Int.max, desktop: Int.max), components: []),
            Column(span: ColumnSpan(phone: 12, tablet: Int.max, desktop: Int.min), components: []),
        ])])])
        let issues = LayoutValidator(registry: .standard).validate(layout)
        #expect(issues.contains(.rowOverflow(.tablet, total: Int.max, path: "regions[0].rows[0]")))
    }

    @Test func componentsRenderedWithoutValidationClampTheirCounts() throws {
        let recorder = LimitRecorder()
        var services = RenderServices()
        services.set((any EngagementProvider).self, recorder)
        services.set((any KnowledgeProvider).self, recorder)
        let viewer = Fixtures.viewer(Fixtures.partnerA)
        let site = try site(with: ComponentInstance(id: "x", type: "community.richText", properties: ["html": ""]))
        let page = Page(id: "topic", title: "T", slug: "t", parameter: "name")
        for (type, name) in Self.countedTypes where type != "community.recordList" {
            for value in [-1, Int(Int32.max), 9_007_199_254_740_991] {
                let render = try ComponentRegistry.standard.compile(
                    ComponentInstance(id: "c", type: type, properties: properties(type, name, .number(Double(value)))), path: "p")
                let context = RenderContext(viewer: viewer, site: site, page: page, parameters: ["name": "Accounts"],
                                            query: ["q": "printer", "subject": "printer"], services: services)
                _ = try render(context).render()
            }
        }
        #expect(!recorder.asked.isEmpty)
        #expect(recorder.asked.allSatisfy { (0...100).contains($0) }, "\(recorder.asked)")
    }
}

@Suite struct LayoutValidatorBoundsTests {
    @Test func theValidatorBuilderUIsUseReportsBoundsToo() {
        let layout = PageLayout {
            Region("main") {
                Row {
                    Column(12) {
                        ComponentInstance(id: "ql", type: "community.questionList", properties: ["limit": -1])
                        ComponentInstance(id: "ok", type: "community.questionList", properties: ["limit": 50])
                    }
                }
            }
        }
        let issues = LayoutValidator(registry: .standard).validate(layout)
        #expect(issues == [.invalidPropertyValue(PropertyViolation(
            componentID: "ql", componentType: "community.questionList", property: "limit", value: -1,
            allowed: .range(minimum: 1, maximum: 50), path: "regions[0].rows[0].columns[0].components[0].properties"))])
        #expect(issues.first?.prefixed("variations[0]").path == "variations[0].regions[0].rows[0].columns[0].components[0].properties")
    }
}
