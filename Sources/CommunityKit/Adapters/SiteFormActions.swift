import CommunityModel
import CommunityAccess
import CommunityContent
import CommunityEngagement
import CommunityRendering
import Foundation

/// The form actions of the site-form components: case comments and attachments, the best
/// answer, moderation decisions, one's own profile and photo, and notification preferences.
///
/// Every field is untrusted text parsed into typed values first; only signed-in members of the
/// site may post, and each service call runs as the viewer, so the services' own permission
/// checks (asker or moderator, moderators only, one's own profile) answer 403 for anyone else.
enum SiteFormActions {
    /// The services the actions call.
    struct Services {
        let engagement: Engagement
        let cases: CaseService
        let files: FileService
        let access: AccessEngine
    }

    static func install(into actions: inout FormActionRegistry, community services: Services) {
        let cases = services.cases, engagement = services.engagement, access = services.access
        let photos = ProfilePhotoStore(files: services.files, engagement: engagement)

        actions.register(CaseActivityComponent.commentAction) { request in
            guard let user = StandardActions.member(request) else { return .forbidden }
            guard let caseID = StandardActions.parse(request.field("case"), as: Case.self) else { return .invalid(["": request.text("caseActivity.unknownCase")]) }
            guard let body = request.field("body") else { return .invalid(["body": request.text("caseActivity.commentMissing")]) }
            let isPublic = request.form["internal"] != "on"
            return try caseOutcome(request, field: "body") {
                try cases.addComment(caseID, body: body, isPublic: isPublic, by: user)
                return .redirect(StandardActions.link(request.site, objectType: "Case", id: caseID.rawValue))
            }
        }

        actions.register(CaseActivityComponent.attachAction) { request in
            guard let user = StandardActions.member(request) else { return .forbidden }
            guard let caseID = StandardActions.parse(request.field("case"), as: Case.self) else { return .invalid(["": request.text("caseActivity.unknownCase")]) }
            guard let file = request.file("file") else { return .invalid(["file": request.text("caseActivity.fileMissing")]) }
            return try caseOutcome(request, field: "file") {
                try cases.attach(
                    CaseAttachmentUpload(fileName: file.fileName, contentType: file.contentType, data: Data(file.bytes)), to: caseID, by: user)
                return .redirect(StandardActions.link(request.site, objectType: "Case", id: caseID.rawValue))
            }
        }

        actions.register(BestAnswerComponent.action) { request in
            guard let user = StandardActions.member(request) else { return .forbidden }
            guard let answer = StandardActions.parse(request.field("answer"), as: Answer.self) else { return .invalid(["": request.text("bestAnswer.unknown")]) }
            let question = request.field("question") ?? ""
            return try StandardActions.outcome(request) {
                try engagement.questions.chooseBestAnswer(answer, site: request.site.id, by: user)
                return .redirect(StandardActions.link(request.site, objectType: "Question", id: question))
            }
        }

        @Sendable func moderator(_ request: ActionRequest) -> ID<User>? {
            guard let user = StandardActions.member(request), access.snapshot.hasPermission(user, .moderateCommunity) else { return nil }
            return user
        }
        @Sendable func queuePage(_ site: Site) -> SafeURL {
            site.url(ofPageContaining: ModerationQueueComponent.type) ?? StandardActions.home(site, page: nil)
        }
        actions.register(ModerationQueueComponent.approveAction) { request in
            guard let user = moderator(request) else { return .forbidden }
            guard let entry = StandardActions.parse(request.field("case"), as: ModerationCase.self) else { return .invalid(["": request.text("moderation.unknownEntry")]) }
            return try StandardActions.outcome(request) {
                try engagement.moderation.approve(entry, site: request.site.id, by: user)
                return .redirect(queuePage(request.site))
            }
        }
        actions.register(ModerationQueueComponent.removeAction) { request in
            guard let user = moderator(request) else { return .forbidden }
            guard let entry = StandardActions.parse(request.field("case"), as: ModerationCase.self) else { return .invalid(["": request.text("moderation.unknownEntry")]) }
            guard let reason = request.field("reason") else { return .invalid(["reason": request.text("moderation.reasonMissing")]) }
            guard reason.count <= 1_000 else { return .invalid(["reason": request.text("moderation.reasonTooLong")]) }
            return try StandardActions.outcome(request) {
                try engagement.moderation.remove(entry, reason: reason, site: request.site.id, by: user)
                return .redirect(queuePage(request.site))
            }
        }
        actions.register(ModerationQueueComponent.editAction) { request in
            guard let user = moderator(request) else { return .forbidden }
            guard let entry = StandardActions.parse(request.field("case"), as: ModerationCase.self) else { return .invalid(["": request.text("moderation.unknownEntry")]) }
            guard let body = request.field("body") else { return .invalid(["body": request.text("moderation.editMissing")]) }
            return try StandardActions.outcome(request) {
                try engagement.moderation.edit(entry, body: body, site: request.site.id, by: user)
                return .redirect(queuePage(request.site))
            }
        }

        @Sendable func profilePage(_ site: Site, _ type: ComponentType) -> SafeURL {
            let base = site.url(ofPageContaining: type)?.string ?? (site.urlPrefix + "/")
            return SafeURL(base + "?saved=1") ?? StandardActions.home(site, page: nil)
        }
        /// The member a profile form names must be the viewer (a form posted for someone else is refused).
        @Sendable func ownMember(_ request: ActionRequest) -> ID<User>? {
            guard let user = StandardActions.member(request) else { return nil }
            if let named = request.field("member"), named != user.rawValue { return nil }
            return user
        }
        actions.register(ProfileEditorComponent.action) { request in
            guard let user = ownMember(request) else { return .forbidden }
            guard let name = request.field("name") else { return .invalid(["name": request.text("profileEditor.nameMissing")]) }
            let title = request.field("title") ?? "", about = request.field("about") ?? ""
            do {
                try engagement.profiles.update(user, name: name, title: title, about: about, by: user)
            } catch EngagementError.invalid(let error) {
                let field = ["Profile.Name": "name", "Profile.Title": "title", "Profile.About": "about"][error.field] ?? ""
                return .invalid([field: request.text("form.fieldRejected")])
            } catch EngagementError.blocked {
                return .invalid(["name": request.text("profileEditor.nameBlocked")])
            } catch EngagementError.notAllowed {
                return .forbidden
            }
            return .redirect(profilePage(request.site, ProfileEditorComponent.type))
        }
        actions.register(ProfileEditorComponent.photoAction) { request in
            guard let user = ownMember(request) else { return .forbidden }
            guard let file = request.file("photo") else { return .invalid(["photo": request.text("profileEditor.photoMissing")]) }
            do {
                _ = try photos.set(user, fileName: file.fileName, contentType: file.contentType, data: Data(file.bytes), by: user)
            } catch let error as UploadError {
                return .invalid(["photo": error.message(request.strings, locale: request.locale)])
            } catch let error as FileError {
                return .invalid(["photo": fileMessage(error, request: request)])
            } catch EngagementError.notAllowed {
                return .forbidden
            }
            return .redirect(profilePage(request.site, ProfileEditorComponent.type))
        }

        actions.register(NotificationSettingsComponent.action) { request in
            guard let user = StandardActions.member(request) else { return .forbidden }
            var preferences = NotificationPreferences(memberID: user, mutedInApp: [], email: [:])
            var errors: [String: String] = [:]
            for kind in NotificationKind.allCases {
                if request.form["inApp." + kind.rawValue] != "on" { preferences.mutedInApp.insert(kind) }
                let choice = request.form["email." + kind.rawValue] ?? "never"
                if choice == "never" { continue }
                guard let frequency = EmailFrequency(rawValue: choice) else {
                    errors["email." + kind.rawValue] = request.text("notifications.frequencyInvalid")
                    continue
                }
                preferences.email[kind] = frequency
            }
            guard errors.isEmpty else { return .invalid(errors) }
            return try StandardActions.outcome(request) {
                try engagement.notifications.setPreferences(preferences, by: user)
                return .redirect(profilePage(request.site, NotificationSettingsComponent.type))
            }
        }
    }

    /// Runs a case service call: access denials and internal comments by external users become
    /// 403, invalid fields an error at `field`, other errors a form-level message.
    static func caseOutcome(_ request: ActionRequest, field: String, _ body: () throws -> ActionResult) throws -> ActionResult {
        do {
            return try body()
        } catch is AccessDenied {
            return .forbidden
        } catch let error as CaseError {
            switch error {
            case .internalCommentByExternalUser: return .forbidden
            case .unknownCase: return .invalid(["": request.text("caseActivity.unknownCase")])
            case .invalid: return .invalid([field: request.text("form.fieldRejected")])
            default: return .invalid(["": request.text("form.rejected")])
            }
        } catch let error as FileError {
            return .invalid([field: fileMessage(error, request: request)])
        }
    }

    /// A file the file service refused, in the viewer's language.
    static func fileMessage(_ error: FileError, request: ActionRequest) -> String {
        switch error {
        case .tooLarge(let limit, let actual): request.text("upload.tooLarge", ["bytes": String(actual), "limit": String(limit)])
        case .empty: request.text("upload.empty")
        default: request.text("upload.rejected")
        }
    }
}
