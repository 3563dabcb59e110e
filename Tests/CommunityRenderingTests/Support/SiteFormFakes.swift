import CommunityModel
import CommunityRendering
import Foundation

/// Providers for the programme, employee, approval and site-form components that return one
/// of everything, with `text` as every piece of data (Korean in the translation tests, so any
/// English left on the page is the library's). Statuses, kinds and codes are the raw values
/// the CommunityKit adapters pass, which the components must translate.
struct FakeSiteForms: PartnerProgramProvider, EmployeePortalProvider, ApprovalQueueProvider, MemberSettingsProvider,
    CaseActivityProvider, ModerationProvider, BestAnswerProvider {
    var text: String
    var moment = Date(timeIntervalSince1970: 1_700_000_000)

    func fundRequests(viewer: Viewer, limit: Int) throws -> [FundRequestSummary] {
        FundRequestSummary.statuses.map {
            FundRequestSummary(id: "f-" + $0, activity: text, period: "2026-Q4", amount: 2500, claimed: 100, status: $0, requested: moment)
        }
    }
    func fundBudget(period: String, viewer: Viewer) throws -> FundBudgetSummary? {
        period == "none" ? nil : FundBudgetSummary(period: period, allocated: 20000, available: 15500)
    }
    func leadOffers(viewer: Viewer, limit: Int) throws -> [LeadOfferSummary] {
        [LeadOfferSummary(leadID: "L-1", company: nil, contact: nil, expires: moment), LeadOfferSummary(leadID: "L-2", company: text, contact: text, expires: moment)]
    }

    func announcements(viewer: Viewer, limit: Int) throws -> [AnnouncementSummary] {
        [AnnouncementSummary(id: "a1", title: text, body: text, published: moment)]
    }
    func employeeRequests(viewer: Viewer, limit: Int) throws -> [EmployeeRequestSummary] {
        FundRequestSummary.statuses.map {
            EmployeeRequestSummary(id: "r-" + $0, kind: text, details: text, days: "2026-12-21 – 2026-12-24", status: $0, submitted: moment)
        }
    }
    func requestKinds() -> [String] { [text] }
    func mayPublish(viewer: Viewer) -> Bool { true }

    func pendingApprovals(viewer: Viewer, limit: Int) throws -> [ApprovalSummary] {
        let kinds: [ApprovalProcessKind?] = [.leadRegistration, .fundRequest, .fundClaim, .employeeRequest(kind: text), nil]
        return kinds.enumerated().map { index, kind in
            ApprovalSummary(id: "ap\(index)", process: text, item: text, step: text, submitter: text, submitted: moment, processKind: kind)
        }
    }

    func ownProfile(viewer: Viewer) throws -> EditableProfile? { EditableProfile(id: "pa", name: text, title: text, about: text, photoFileID: nil) }
    func notificationSettings(viewer: Viewer) throws -> NotificationSettings? {
        // Labels as the adapter writes them (English); the component names each kind from the tables.
        NotificationSettings(rows: [
            .init(kind: "mention", label: "Mentions", inApp: true, email: "daily"),
            .init(kind: "caseUpdated", label: "Case updates", inApp: false, email: "never"),
            .init(kind: "other", label: "Approvals and other notices", inApp: true, email: "weekly"),
        ])
    }
    func photoFileID(memberID: String, viewer: Viewer) throws -> String? { nil }

    func activity(caseID: String, viewer: Viewer) throws -> CaseActivity? {
        CaseActivity(comments: [.init(author: text, body: text, posted: moment, isPublic: true), .init(author: text, body: text, posted: moment, isPublic: false)],
                     attachments: [.init(id: "file1", fileName: text, contentType: "text/plain", size: 2048)], canContribute: true, canCommentInternally: true)
    }

    func moderationQueue(viewer: Viewer) throws -> [ModerationQueueItem]? {
        ["post", "comment", "answer"].map {
            ModerationQueueItem(id: "m-" + $0, kind: $0, author: text, text: text, reasons: ["flagged: " + text, "keywordRule", "preModeration", "rateLimit"], opened: moment)
        }
    }
    func moderationLog(viewer: Viewer, limit: Int) throws -> [ModerationLogLine] {
        [("approved", "item:p1"), ("removed", "answer:a1"), ("edited", text)].map {
            ModerationLogLine(actor: text, action: $0.0, subject: $0.1, detail: text, at: moment)
        }
    }

    func bestAnswerChoices(questionID: String, viewer: Viewer) throws -> [AnswerChoice]? {
        [AnswerChoice(id: "an1", author: text, excerpt: text, isBest: false), AnswerChoice(id: "an2", author: text, excerpt: text, isBest: true)]
    }
}

extension FundRequestSummary {
    /// The statuses the adapters pass.
    static let statuses = ["submitted", "approved", "rejected", "recalled"]
}

extension RenderServices {
    /// These services with ``FakeSiteForms`` behind every site-form provider.
    func withSiteForms(_ fake: FakeSiteForms) -> RenderServices {
        var services = self
        services.set((any PartnerProgramProvider).self, fake)
        services.set((any EmployeePortalProvider).self, fake)
        services.set((any ApprovalQueueProvider).self, fake)
        services.set((any MemberSettingsProvider).self, fake)
        services.set((any CaseActivityProvider).self, fake)
        services.set((any ModerationProvider).self, fake)
        services.set((any BestAnswerProvider).self, fake)
        return services
    }
}
