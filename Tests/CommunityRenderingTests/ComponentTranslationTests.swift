import CommunityModel
import CommunityRendering
import Foundation
import Testing

/// Every built-in component in every state it has, rendered for German and Korean viewers,
/// prints none of the library's English text; and every form it draws is accessible markup.
@Suite struct ComponentTranslationTests {
    /// Data in Korean, so that any English left on the page can only be the library's.
    static let data = "자료"

    /// The page states the components react to: query flags, and forms shown again.
    static let states: [(query: [String: String], form: FormState?)] = [
        ([:], nil),
        (["reset": "1", "sent": "1", "changed": "1", "verified": "1", "subject": data, "q": data], nil),
        (["token": "t0ken", "enroll": "1"], nil),
        ([:], FormState(action: TwoFactorChallengeComponent.completeEnrollmentAction, values: ["recoveryCodes": "aaaa bbbb"], errors: [:])),
        ([:], FormState(action: TwoFactorChallengeComponent.beginEnrollmentAction, values: ["secret": "ABC", "uri": "otpauth://x"], errors: [:])),
        ([:], FormState(action: TwoFactorChallengeComponent.completeEnrollmentAction, values: [:], errors: ["": data])),
        ([:], FormState(action: TwoFactorSetupComponent.confirmAction, values: ["recoveryCodes": "aaaa bbbb"], errors: [:])),
        ([:], FormState(action: TwoFactorSetupComponent.beginAction, values: ["secret": "ABC", "uri": "otpauth://x"], errors: [:])),
    ]

    /// The record components print field labels, which are the labels work's (ObjectSchema), not these tables'.
    static let skipped: Set<ComponentType> = ["community.recordDetail", "community.recordList"]

    static func probeSite(_ type: ComponentType, properties: JSONValue = [:]) throws -> Site {
        var site = try Fixtures.site()
        site.selfRegistration = .instant
        try site.addPage(Page(id: "probe", title: "Probe", slug: "probe", layout: PageLayout {
            Region("main") { Row { Column(12) { ComponentInstance(id: "probe", type: type, properties: properties) } } }
        }))
        return site
    }

    static func mainSegment(_ html: String) -> String {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// Each component's output, per viewer and state.
    static func renderings(_ type: ComponentType, viewers: [User?]) throws -> [String] {
        let properties: JSONValue = switch type {
        case "community.dashboard": ["object": "Lead", "groupBy": "Company"]
        case "community.banner": ["heading": .string(data)]
        case "community.richText": ["html": .string(data)]
        case "community.report": ["report": "probe-report"]
        case "community.reportDashboard": ["dashboard": "probe-dashboard"]
        default: [:]
        }
        let site = try probeSite(type, properties: properties)
        let services = Fixtures.services(engine: Fixtures.accessEngine(), knowledge: FakeKnowledge(hostile: data), engagement: FakeEngagement(hostile: data))
            .withSiteForms(FakeSiteForms(text: data))
        let responder = try SiteResponder(site: site, registry: .standard, services: services, csrf: Fixtures.csrf, clock: Fixtures.clock)
        var out: [String] = []
        for user in viewers {
            for state in states {
                var request = SiteRequest(.get, "/help/probe", query: state.query, viewer: user.map(Fixtures.viewer) ?? .guest)
                if user == nil { request.headers["accept-language"] = "ko" }
                let page = try #require(site.page("probe"))
                let parameters = ["id": "L-acme", "slug": "reset-password", "name": data, "member": data]
                out.append(mainSegment(responder.render(page, parameters: parameters, request: request, form: state.form).body))
            }
        }
        return out
    }

    static func korean(_ user: User) -> User {
        var copy = user
        copy.locale = "ko_KR"
        return copy
    }

    @Test(arguments: ComponentRegistry.standard.types.filter { !skipped.contains($0) })
    func noEnglishInKorean(_ type: ComponentType) throws {
        // Language names are endonyms: the switcher names English in English on purpose.
        let english = UIStrings.builtInKeys.filter { $0 != "language.name" }.compactMap { key -> String? in
            let text = UIStrings.standard.text(key, locale: "en")
            guard text != UIStrings.standard.text(key, locale: "ko"), !text.contains("{"), text.count >= 4 else { return nil }
            return text
        }
        for html in try Self.renderings(type, viewers: [nil, Self.korean(Fixtures.partnerA), Self.korean(Fixtures.employee)]) {
            for text in english {
                #expect(!html.contains(">" + text + "<") && !html.contains("\"" + text + "\"") && !html.contains(">" + text + " "),
                        "\(type) printed the English \"\(text)\" for a Korean viewer")
            }
        }
    }

    /// Words of Latin letters a Korean page may show: file formats and units the Korean strings
    /// name as such, the date pattern, and a quarter's `Q`.
    static let allowedLatin = Set(["PNG", "JPEG", "GIF", "WebP", "YYYY", "MM", "DD", "KB", "MB", "GB", "Bytes"])
        // The fixtures' own data: the site's name and menu (authored, untranslated), member and
        // company names, the language switcher's endonyms, recovery codes and the 2FA link.
        .union(["Help", "Home", "Docs", "Partner", "area", "Pat", "Erin", "Employee", "Initech", "Umbrella", "English", "Deutsch",
                "aaaa", "bbbb", "otpauth", "ABC"])

    /// Every run of three or more Latin letters a person can read or hear on the page: text
    /// between tags and the `aria-label`, `title`, `alt` and `placeholder` attributes, leaving
    /// out scripts, styles, entities, what the member typed (`textarea`) and content marked as
    /// written in another language (`<div lang="de-DE">`, an untranslated article).
    static func latinWords(_ html: String) -> [String] {
        var visible = html
        for pattern in ["<script[^>]*>[\\s\\S]*?</script>", "<style[^>]*>[\\s\\S]*?</style>", "<textarea[^>]*>[\\s\\S]*?</textarea>",
                        "<div lang=\"[^\"]*\">[\\s\\S]*?</div>"] {
            visible = visible.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        var pieces: [String] = []
        let text = visible as NSString
        for (pattern, group) in [(">([^<]+)<", 1), ("(aria-label|title|alt|placeholder)=\"([^\"]*)\"", 2)] {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return ["bad pattern"] }
            for match in regex.matches(in: visible, range: NSRange(location: 0, length: text.length)) {
                pieces.append(text.substring(with: match.range(at: group)))
            }
        }
        guard let word = try? NSRegularExpression(pattern: "[A-Za-z]{3,}") else { return ["bad pattern"] }
        return pieces.flatMap { piece -> [String] in
            let cleaned = piece.replacingOccurrences(of: "&[a-zA-Z]+;|&#[0-9]+;", with: " ", options: .regularExpression) as NSString
            return word.matches(in: cleaned as String, range: NSRange(location: 0, length: cleaned.length)).map { cleaned.substring(with: $0.range) }
        }.filter { !allowedLatin.contains($0) }
    }

    /// The same renderings, scanned for any Latin word at all: English that never went through
    /// the tables (a hard-coded label, a status, a kind, a time) shows up here.
    @Test(arguments: ComponentRegistry.standard.types.filter { !skipped.contains($0) })
    func noLatinWordsInKorean(_ type: ComponentType) throws {
        for html in try Self.renderings(type, viewers: [nil, Self.korean(Fixtures.partnerA), Self.korean(Fixtures.employee)]) {
            let words = Self.latinWords(html)
            #expect(words.isEmpty, "\(type) printed \(Set(words).sorted()) for a Korean viewer")
        }
    }

    @Test func theScanFindsHardCodedEnglish() {
        #expect(Self.latinWords("<p>Kind</p><button>제출</button><span title=\"3 hours ago\">3시간 전</span>") == ["Kind", "hours", "ago"])
        #expect(Self.latinWords("<p>사진(PNG, 최대 2 MB)</p><style>p{color:red}</style><p>&amp;</p>").isEmpty)
        #expect(Self.latinWords("<li><div lang=\"de-DE\"><h3>Passwort</h3></div></li>").isEmpty)
    }

    @Test func germanCaseFormReadsGerman() throws {
        let html = try Self.renderings("community.caseForm", viewers: [Fixtures.partnerB])[0]
        for text in ["Betreff", "Beschreibung", "Priorität", "Fall einreichen", "Niedrig", "Mittel", "Hoch", "Support kontaktieren"] {
            #expect(html.contains(text), "missing \(text)")
        }
        #expect(html.contains("<option value=\"medium\" selected>Mittel</option>"))
    }

    // MARK: Form markup

    struct Tag {
        var name: String
        var attributes: [String: String]
    }

    static func tags(_ html: String) -> [Tag] {
        let tagPattern = try? NSRegularExpression(pattern: "<([a-z]+)((?:\\s+[a-z-]+(?:=\"[^\"]*\")?)*)\\s*>")
        let attributePattern = try? NSRegularExpression(pattern: "([a-z-]+)(?:=\"([^\"]*)\")?")
        guard let tagPattern, let attributePattern else { return [] }
        let text = html as NSString
        return tagPattern.matches(in: html, range: NSRange(location: 0, length: text.length)).map { match in
            let name = text.substring(with: match.range(at: 1))
            let rawAttributes = text.substring(with: match.range(at: 2)) as NSString
            var attributes: [String: String] = [:]
            for a in attributePattern.matches(in: rawAttributes as String, range: NSRange(location: 0, length: rawAttributes.length)) {
                let key = rawAttributes.substring(with: a.range(at: 1))
                attributes[key] = a.range(at: 2).location == NSNotFound ? "" : rawAttributes.substring(with: a.range(at: 2))
            }
            return Tag(name: name, attributes: attributes)
        }
    }

    /// Problems with the forms of a page fragment: unlabelled controls, labels for nothing,
    /// dangling `aria-describedby`, required controls without `aria-required` or a visible
    /// marker, errors without `aria-invalid`, duplicate ids, fieldsets without a legend,
    /// positive `tabindex`.
    static func formProblems(_ html: String) -> [String] {
        let tags = tags(html)
        var problems: [String] = []
        let ids = tags.compactMap { $0.attributes["id"] }
        let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys
        if !duplicates.isEmpty { problems.append("duplicate ids \(duplicates.sorted())") }
        let idSet = Set(ids)
        let labelled = Set(tags.filter { $0.name == "label" }.compactMap { $0.attributes["for"] })
        for target in labelled where !idSet.contains(target) { problems.append("label for missing #\(target)") }
        for tag in tags where ["input", "select", "textarea"].contains(tag.name) && tag.attributes["type"] != "hidden" {
            guard let id = tag.attributes["id"] else { problems.append("\(tag.name) \(tag.attributes["name"] ?? "?") has no id"); continue }
            if !labelled.contains(id) { problems.append("#\(id) has no label") }
            if tag.attributes["required"] != nil {
                if tag.attributes["aria-required"] != "true" { problems.append("#\(id) lacks aria-required") }
                let label = html.range(of: "<label for=\"\(id)\">").flatMap { start in html.range(of: "</label>", range: start.upperBound..<html.endIndex).map { html[start.upperBound..<$0.lowerBound] } }
                if label?.contains("ck-required") != true { problems.append("#\(id) has no visible required marker") }
            }
            for described in (tag.attributes["aria-describedby"] ?? "").split(separator: " ") where !idSet.contains(String(described)) {
                problems.append("#\(id) described by missing #\(described)")
            }
            if idSet.contains(id + "-error"), tag.attributes["aria-invalid"] != "true" { problems.append("#\(id) has an error but no aria-invalid") }
            if idSet.contains(id + "-error"), !(tag.attributes["aria-describedby"] ?? "").contains(id + "-error") { problems.append("#\(id) error not linked") }
        }
        if let tabindex = tags.compactMap({ $0.attributes["tabindex"] }).first(where: { (Int($0) ?? 0) > 0 }) {
            problems.append("positive tabindex \(tabindex)")
        }
        var rest = html[...]
        while let fieldset = rest.range(of: "<fieldset") {
            let after = rest[fieldset.upperBound...]
            guard let close = after.firstIndex(of: ">") else { break }
            if !after[after.index(after: close)...].hasPrefix("<legend>") { problems.append("fieldset without a leading legend") }
            rest = after
        }
        return problems
    }

    static let formComponents: [ComponentType] = [
        "community.signIn", "community.forgotPassword", "community.resetPassword", "community.changePassword", "community.verifyEmail",
        "community.twoFactorChallenge", "community.twoFactorSetup", "community.selfRegistration", "community.caseForm",
        "community.leadForm", "community.askQuestion", "community.questionDetail", "community.searchBox",
    ]

    /// Forms whose only visible control is their button (the token travels hidden).
    static let buttonOnlyForms: Set<ComponentType> = ["community.verifyEmail"]

    @Test(arguments: formComponents)
    func formMarkupIsAccessible(_ type: ComponentType) throws {
        var sawControl = false
        for html in try Self.renderings(type, viewers: [nil, Fixtures.partnerA]) {
            let problems = Self.formProblems(html)
            #expect(problems.isEmpty, "\(type): \(problems)")
            let controls = Self.tags(html).filter { ["input", "select", "textarea"].contains($0.name) && $0.attributes["type"] != "hidden" }
            sawControl = sawControl || !controls.isEmpty
            // The same form shown again with an error on every field and one for the form.
            guard let action = Self.tags(html).first(where: { $0.name == "form" && $0.attributes["method"] == "post" })?.attributes["action"]?
                .split(separator: "/").last.map(String.init) else { continue }
            var errors: [String: String] = ["": "Form problem"]
            for control in controls { if let name = control.attributes["name"] { errors[name] = "Problem with \(name)" } }
            let site = try Self.probeSite(type)
            let responder = try SiteResponder(site: site, registry: .standard, services: Fixtures.services(engine: Fixtures.accessEngine()),
                                              csrf: Fixtures.csrf, clock: Fixtures.clock)
            let request = SiteRequest(.get, "/help/probe", query: ["token": "t0ken"], viewer: Fixtures.viewer(Fixtures.partnerA))
            let page = try #require(site.page("probe"))
            let failed = Self.mainSegment(responder.render(page, parameters: ["id": "q1"], request: request,
                                                           form: FormState(action: action, values: [:], errors: errors)).body)
            #expect(Self.formProblems(failed).isEmpty, "\(type) with errors: \(Self.formProblems(failed))")
            for control in controls {
                guard let name = control.attributes["name"], let id = control.attributes["id"], failed.contains("id=\"\(id)\"") else { continue }
                #expect(failed.contains("id=\"\(id)-error\">Problem with \(name)<"), "\(type): error of \(name) not shown")
            }
        }
        #expect(sawControl || Self.buttonOnlyForms.contains(type), "\(type) drew no form control in any state")
    }

    @Test func theLeadFormGroupsItsFieldsAndMarksRequiredOnes() throws {
        let html = try Self.renderings("community.leadForm", viewers: [Fixtures.partnerA])[0]
        #expect(html.contains("<fieldset class=\"ck-fieldset\"><legend>Company</legend>"))
        #expect(html.contains("<fieldset class=\"ck-fieldset\"><legend>Contact</legend>"))
        #expect(html.contains("<p class=\"ck-required-note\">Fields marked * are required.</p>"))
        #expect(html.contains("id=\"f-registerLead-lastName\" name=\"lastName\" required aria-required=\"true\""))
        #expect(html.contains("type=\"email\""))
        // Visual order is keyboard order: company before contact, first name before last name.
        let order = ["f-registerLead-company", "f-registerLead-firstName", "f-registerLead-lastName", "f-registerLead-email"]
            .compactMap { html.range(of: "id=\"\($0)\"")?.lowerBound }
        #expect(order.count == 4 && order == order.sorted())
    }

    @Test func helpTextIsLinkedToItsControl() throws {
        let html = try Self.renderings("community.caseForm", viewers: [Fixtures.partnerA])[0]
        #expect(html.contains("<p class=\"ck-help\" id=\"f-submitCase-subject-help\">"))
        #expect(html.contains("aria-describedby=\"f-submitCase-subject-help\""))
    }
}
