import CommunityModel
import CommunityAccess
import CommunityContent
import CommunityEngagement
import CommunityRendering
import Foundation

/// Feeds the site-form components (case activity, best answer, moderation queue, profile and
/// notification settings) and the file download route from the services, always as the viewer.
/// Bound to a site (``Community/services(for:)``), the best-answer choices and the moderation
/// queue are that site's only (and content of no site), as ``SiteScope`` says.
struct SiteFormsDataProvider: CaseActivityProvider, BestAnswerProvider, ModerationProvider, MemberSettingsProvider, SiteFileProvider {
    let engagement: Engagement
    let cases: CaseService
    let files: FileService
    let access: AccessEngine
    let store: any Store
    /// The site served; `nil` for the engine-wide view.
    var site: String? = nil

    /// Registers this provider for every protocol it serves.
    func register(in services: inout RenderServices) {
        services.set((any CaseActivityProvider).self, self)
        services.set((any BestAnswerProvider).self, self)
        services.set((any ModerationProvider).self, self)
        services.set((any MemberSettingsProvider).self, self)
        services.set((any SiteFileProvider).self, self)
    }

    /// Replaces, in `services`, each protocol this engine-wide provider still serves (a plugin
    /// may have replaced some) with the same provider bound to `site`.
    static func bind(_ services: inout RenderServices, to site: String) {
        func bound(_ provider: Any?) -> SiteFormsDataProvider? {
            guard var provider = provider as? SiteFormsDataProvider else { return nil }
            provider.site = site
            return provider
        }
        if let p = bound(services.get((any CaseActivityProvider).self)) { services.set((any CaseActivityProvider).self, p) }
        if let p = bound(services.get((any BestAnswerProvider).self)) { services.set((any BestAnswerProvider).self, p) }
        if let p = bound(services.get((any ModerationProvider).self)) { services.set((any ModerationProvider).self, p) }
        if let p = bound(services.get((any MemberSettingsProvider).self)) { services.set((any MemberSettingsProvider).self, p) }
        if let p = bound(services.get((any SiteFileProvider).self)) { services.set((any SiteFileProvider).self, p) }
    }

    /// A member's public name; empty for no one (an automatic rule), which the components name
    /// in the viewer's language, and for a member who is gone.
    private func name(_ id: ID<User>?) -> String {
        guard let id else { return "" }
        return access.snapshot.user(id)?.nickname ?? ""
    }

    // MARK: Cases

    func activity(caseID: String, viewer: Viewer) throws -> CaseActivity? {
        guard let user = viewer.user?.id, let id = try? ID<Case>(parsing: caseID) else { return nil }
        guard let comments = try? cases.comments(of: id, viewer: user), let attachmentIDs = try? cases.attachments(of: id, viewer: user) else {
            return nil
        }
        let snapshot = store.snapshot()
        var attachments: [CaseActivity.Attachment] = []
        for raw in attachmentIDs {
            guard let fileID = try? ID<ContentFile>(parsing: raw), let file = try snapshot.value(fileID) else { continue }
            let version = try snapshot.query(Query<FileVersion>().where("fileID", equals: .reference(raw))).map(\.value)
                .first { $0.number == file.latestVersion }
            attachments.append(CaseActivity.Attachment(
                id: raw, fileName: version?.fileName ?? file.title, contentType: file.contentType, size: file.size))
        }
        return CaseActivity(
            comments: comments.map { CaseActivity.Comment(author: name($0.authorID), body: $0.body, posted: $0.createdAt, isPublic: $0.isPublic) },
            attachments: attachments, canContribute: !viewer.isGuest,
            canCommentInternally: viewer.user?.kind == .internal)
    }

    // MARK: Questions

    func bestAnswerChoices(questionID: String, viewer: Viewer) throws -> [AnswerChoice]? {
        guard let user = viewer.user?.id, let id = try? ID<Question>(parsing: questionID),
              let page = try? engagement.questions.page(id, viewer: user, site: site)
        else { return nil }
        guard page.question.askerID == user || access.snapshot.hasPermission(user, .moderateCommunity) else { return nil }
        return page.answers.filter { $0.publication == .published }.map { answer in
            AnswerChoice(id: answer.id.rawValue, author: name(answer.authorID), excerpt: PlainText.excerpt(answer.body.html, limit: 200),
                         isBest: answer.isBest)
        }
    }

    // MARK: Moderation

    func moderationQueue(viewer: Viewer) throws -> [ModerationQueueItem]? {
        guard let user = viewer.user?.id, access.snapshot.hasPermission(user, .moderateCommunity) else { return nil }
        let snapshot = store.snapshot()
        return try engagement.moderation.queue(viewer: user, site: site).map { entry in
            var reasons = entry.flags.map { "flagged: " + $0.reason }
            for source in entry.sources {
                switch source {
                case .memberFlags: continue
                case .keywordRule: reasons.append("keywordRule")
                case .preModeration: reasons.append("preModeration")
                case .rateLimit: reasons.append("rateLimit")
                }
            }
            return ModerationQueueItem(
                id: entry.id.rawValue, kind: Self.kind(entry.subject), author: name(entry.authorID),
                text: try text(of: entry.subject, in: snapshot), reasons: reasons, opened: entry.openedAt)
        }
    }

    func moderationLog(viewer: Viewer, limit: Int) throws -> [ModerationLogLine] {
        guard let user = viewer.user?.id, access.snapshot.hasPermission(user, .moderateCommunity), limit > 0 else { return [] }
        let entries = try engagement.moderation.auditLog(from: .distantPast, to: .distantFuture, viewer: user)
        return entries.suffix(limit).reversed().map { entry in
            ModerationLogLine(actor: name(entry.actorID), action: entry.action.rawValue, subject: entry.subject, detail: entry.detail, at: entry.at)
        }
    }

    static func kind(_ subject: ContentRef) -> String {
        switch subject {
        case .item: "post"
        case .comment: "comment"
        case .question: "question"
        case .answer: "answer"
        case .idea: "idea"
        case .member: "member"
        case .group: "group"
        }
    }

    private func text(of subject: ContentRef, in snapshot: any StoreReader) throws -> String {
        let limit = 2_000
        switch subject {
        case .item(let id): return PlainText.excerpt(try snapshot.value(id)?.body.html ?? "", limit: limit)
        case .comment(let id): return PlainText.excerpt(try snapshot.value(id)?.body.html ?? "", limit: limit)
        case .answer(let id): return PlainText.excerpt(try snapshot.value(id)?.body.html ?? "", limit: limit)
        case .question(let id):
            guard let question = try snapshot.value(id) else { return "" }
            return question.title + " — " + PlainText.excerpt(question.body.html, limit: limit)
        case .idea(let id):
            guard let idea = try snapshot.value(id) else { return "" }
            return idea.title + " — " + PlainText.excerpt(idea.body.html, limit: limit)
        case .member(let id): return try snapshot.value(id)?.nickname ?? ""
        case .group(let id): return try snapshot.value(id)?.name ?? ""
        }
    }

    // MARK: Member settings

    func ownProfile(viewer: Viewer) throws -> EditableProfile? {
        guard let user = viewer.user, !viewer.isGuest else { return nil }
        let details = try engagement.profiles.details(of: user.id)
        let current = access.snapshot.user(user.id) ?? user
        return EditableProfile(id: user.id.rawValue, name: current.nickname, title: details.title, about: details.about,
                               photoFileID: details.photoFileID)
    }

    func notificationSettings(viewer: Viewer) throws -> NotificationSettings? {
        guard let user = viewer.user?.id, !viewer.isGuest else { return nil }
        let preferences = try engagement.notifications.preferences(of: user)
        return NotificationSettings(rows: NotificationKind.allCases.map { kind in
            NotificationSettings.Row(
                kind: kind.rawValue, label: Self.label(kind), inApp: !preferences.mutedInApp.contains(kind),
                email: preferences.email[kind]?.rawValue ?? "never")
        })
    }

    func photoFileID(memberID: String, viewer: Viewer) throws -> String? {
        guard let user = viewer.user?.id, let member = try? ID<User>(parsing: memberID),
              let photo = try engagement.profiles.details(of: member).photoFileID,
              let fileID = try? ID<ContentFile>(parsing: photo), try files.canDownload(fileID, as: user)
        else { return nil }
        return photo
    }

    static func label(_ kind: NotificationKind) -> String {
        switch kind {
        case .mention: "Mentions"
        case .answer: "Answers to questions"
        case .bestAnswer: "Best answers"
        case .ideaStatusChanged: "Idea status changes"
        case .caseUpdated: "Case updates"
        case .comment: "Comments on your posts"
        case .groupRequest: "Group requests"
        case .recognition: "Badges and levels"
        case .moderation: "Moderation news"
        case .other: "Approvals and other notices"
        }
    }

    // MARK: Files

    func file(id: String, viewer: Viewer) throws -> SiteFile? {
        guard let user = viewer.user?.id, let fileID = try? ID<ContentFile>(parsing: id), try files.canDownload(fileID, as: user) else {
            return nil
        }
        let (version, data) = try files.download(fileID, by: user)
        return SiteFile(fileName: version.fileName, contentType: version.contentType, bytes: Array(data))
    }
}

/// Plain text from sanitized markup, for excerpts and edit boxes: tags dropped, the few
/// character references the sanitiser writes decoded, white space collapsed.
enum PlainText {
    static func excerpt(_ html: String, limit: Int) -> String {
        var out = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; out.append(" "); continue }
            if character == ">" { inTag = false; continue }
            if !inTag { out.append(character) }
        }
        for (reference, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: reference, with: character)
        }
        let words = out.split(whereSeparator: { $0.isWhitespace })
        let text = words.joined(separator: " ")
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}
