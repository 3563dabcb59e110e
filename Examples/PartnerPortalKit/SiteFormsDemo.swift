import CommunityKit
import Foundation

/// The site forms in the portal: case comments and attachments on the case page, choosing a
/// best answer on the question page, "Your profile" and "Notifications" pages for every member,
/// and a moderation queue for moderators (Cara and Dana, whose profile may moderate).
enum SiteFormsDemo {
    /// Adds the components, pages, audience and menu links to a site built from a template.
    static func install(into site: inout Site) throws {
        try append(CaseActivityComponent.type, id: "activity", toPage: "case", of: &site)
        try append(BestAnswerComponent.type, id: "best", toPage: "question", of: &site)
        site.audiences.append(Audience(id: "moderators", name: "Moderators", criteria: .permission(SystemPermission.moderateCommunity.name)))
        try site.addPage(Page(id: "my-profile", title: "Your profile", slug: "my-profile", visibility: .members, layout: layout(
            ComponentInstance(id: "pe", type: ProfileEditorComponent.type))))
        try site.addPage(Page(id: "notifications", title: "Notifications", slug: "notifications", visibility: .members, layout: layout(
            ComponentInstance(id: "ns", type: NotificationSettingsComponent.type))))
        try site.addPage(Page(id: "moderation", title: "Moderation", slug: "moderation", visibility: .audience("moderators"), layout: layout(
            ComponentInstance(id: "mq", type: ModerationQueueComponent.type))))
        site.appendToAccountMenu([
            NavigationMenu.Item("Your profile", .page("my-profile"), audienceID: nil),
            NavigationMenu.Item("Notifications", .page("notifications")),
        ])
        guard let index = site.menus.firstIndex(where: { $0.id == "main" }) else { return }
        site.menus[index].items += [
            NavigationMenu.Item("Moderation", .page("moderation"), audienceID: "moderators"),
        ]
    }

    /// Seeds what the forms show: a case with a comment and an attachment, and a flagged
    /// answer waiting in the moderation queue.
    static func seed(_ community: Community) throws {
        // Pat's seeded case: Pat, Mia and Alex read it through Acme's partner roles.
        let caseID: ID<Case> = "case-acme-1"
        try community.cases.addComment(caseID, body: "It happens with the German price list too.", isPublic: true, by: "mia")
        try community.cases.attach(
            CaseAttachmentUpload(fileName: "steps.txt", contentType: "text/plain", data: Data("1. Open Programme\n2. Click Price list\n3. Error 500\n".utf8)),
            to: caseID, by: "pat")
        let question = try community.engagement.questions.ask(
            title: "Where is the partner logo kit?", body: "<p>I need the co-branding logos for an event.</p>", topics: ["Marketing"], by: "gina")
        let answer = try community.engagement.questions.answer(
            question.id, body: "<p>Buy cheap logos at my shop, best prices!!!</p>", by: "bo")
        try community.moderation.flag(.answer(answer.id), reason: "Advertising", by: "pat")
    }

    private static func append(_ type: ComponentType, id: String, toPage pageID: String, of site: inout Site) throws {
        guard var page = site.page(pageID), let main = page.layout.regions.firstIndex(where: { $0.name == "main" }) else { return }
        page.layout.regions[main].rows.append(Row(columns: [Column(span: .full, components: [ComponentInstance(id: id, type: type)])]))
        try site.updatePage(page)
    }

    private static func layout(_ component: ComponentInstance) -> PageLayout {
        PageLayout(regions: [
            Region(name: "header", rows: [Row(columns: [Column(components: [ComponentInstance(id: "header", type: "community.header", properties: ["menu": "main"])])])]),
            Region(name: "main", rows: [Row(columns: [Column(components: [component])])]),
            Region(name: "footer", rows: [Row(columns: [Column(components: [ComponentInstance(id: "footer", type: "community.footer")])])]),
        ])
    }
}
