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
            guard let caseID = StandardActions.parse(request.field("case"), as: Case.self) else { return .invalid(["": "Unknown case."]) }
            guard let body = request.field("body") else { return .invalid(["body": "Write a comment."]) }
            let isPublic = request.form["internal"] != "on"
            return try caseOutcome(field: "body") {
                try cases.addComment(caseID, body: body, isPublic: isPublic, by: user)
                return .redirect(StandardActions.link(request.site, objectType: "Case", id: caseID.rawValue))
            }
        }

        actions.register(CaseActivityComponent.attachAction) { request in
            guard let user = StandardActions.member(request) else { return .forbidden }
            guard let caseID = StandardActions.parse(request.field("case"), as: Case.self) else { return .invalid(["": "Unknown case."]) }
            guard let file = request.file("file") else { return .invalid(["file": "Choose a file to attach."]) }
            return try caseOutcome(field: "file") {
                try cases.attach(
                    CaseAttachmentUpload(fileName: file.fileName, contentType: file.contentType, data: Data(file.bytes)), to: caseID, by: user)
                return .redirect(StandardActions.link(request.site, objectType: "Case", id: caseID.rawValue))
            }
        }

        actions.register(BestAnswerComponent.action) { request in
            guard let user = StandardActions.member(request) else { return .forbidden }
            guard let answer = StandardActions.parse(request.field("answer"), as: Answer.self) else { return .invalid(["": "Unknown answer."]) }
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
            guard let entry = StandardActions.parse(request.field("case"), as: ModerationCase.self) else { return .invalid(["": "Unknown queue entry."]) }
            return try StandardActions.outcome(request) {
                try engagement.moderation.approve(entry, site: request.site.id, by: user)
                return .redirect(queuePage(request.site))
            }
        }
        actions.register(ModerationQueueComponent.removeAction) { request in
            guard let user = moderator(request) else { return .forbidden }
            guard let entry = StandardActions.parse(request.field("case"), as: ModerationCase.self) else { return .invalid(["": "Unknown queue entry."]) }
            guard let reason = request.field("reason") else { return .invalid(["reason": "Give a reason for the removal."]) }
            guard reason.count <= 1_000 else { return .invalid(["reason": "Keep the reason under 1,000 characters."]) }
            return try StandardActions.outcome(request) {
                try engagement.moderation.remove(entry, reason: reason, site: request.site.id, by: user)
                return .redirect(queuePage(request.site))
            }
        }
        actions.register(ModerationQueueComponent.editAction) { request in
            guard let user = moderator(request) else { return .forbidden }
            guard let entry = StandardActions.parse(request.field("case"), as: ModerationCase.self) else { return .invalid(["": "Unknown queue entry."]) }
            guard let body = request.field("body") else { return .invalid(["body": "Enter the edited text."]) }
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
            guard let name = request.field("name") else { return .invalid(["name": "Enter the name others see."]) }
            let title = request.field("title") ?? "", about = request.field("about") ?? ""
            do {
                try engagement.profiles.update(user, name: name, title: title, about: about, by: user)
            } catch EngagementError.invalid(let error) {
                let field = ["Profile.Name": "name", "Profile.Title": "title", "Profile.About": "about"][error.field] ?? ""
                return .invalid([field: error.description])
            } catch EngagementError.blocked {
                return .invalid(["name": "This name is not allowed here."])
            } catch EngagementError.notAllowed {
                return .forbidden
            }
            return .redirect(profilePage(request.site, ProfileEditorComponent.type))
        }
        actions.register(ProfileEditorComponent.photoAction) { request in
            guard let user = ownMember(request) else { return .forbidden }
            guard let file = request.file("photo") else { return .invalid(["photo": "Choose a photo."]) }
            do {
                _ = try photos.set(user, fileName: file.fileName, contentType: file.contentType, data: Data(file.bytes), by: user)
            } catch let error as UploadError {
                return .invalid(["photo": error.description])
            } catch let error as FileError {
                return .invalid(["photo": error.description])
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
                    errors["email." + kind.rawValue] = "Choose never, immediate, daily or weekly."
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
    static func caseOutcome(field: String, _ body: () throws -> ActionResult) throws -> ActionResult {
        do {
            return try body()
        } catch is AccessDenied {
            return .forbidden
        } catch let error as CaseError {
            switch error {
            case .internalCommentByExternalUser: return .forbidden
            case .unknownCase: return .invalid(["": "Unknown case."])
            case .invalid(let validation): return .invalid([field: validation.description])
            default: return .invalid(["": error.description])
            }
        } catch let error as FileError {
            return .invalid([field: error.description])
        } catch {
            return .invalid(["": "\(error)"])
        }
    }
}
