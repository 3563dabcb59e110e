public import CommunityModel

/// Every entity type a ``Community`` keeps in its ``Store``, for stores that decode entities by
/// type name: a `PostgresStore` decodes the changes other hosts commit with it (see
/// ``CommunityPostgres/PostgresConfiguration/community(url:schema:)``), a `SQLiteStore`'s
/// `EntityRegistry` the changes it reads back from its feed.
public enum CommunityEntities {
    /// Accounts, contacts, opportunities, cases, leads, users and the sharing model.
    public static let model: [any Entity.Type] = [
        Account.self, Case.self, Contact.self, Lead.self, Opportunity.self, OrgWideDefault.self, PermissionSet.self,
        PermissionSetGroup.self, Profile.self, PublicGroup.self, Queue.self, RecordShare.self, Role.self, SharingRule.self,
        SharingSet.self, SharingSettings.self, SiteMembership.self, User.self,
    ]

    /// Knowledge, topics, data categories and files.
    public static let content: [any Entity.Type] = [
        ArticleFeedback.self, ArticleRating.self, ArticleSlug.self, ArticleStats.self, ArticleVersion.self, ArticleViewRecord.self,
        ContentFile.self, DataCategory.self, DataCategoryGroup.self, DataCategoryVisibility.self, FileShare.self, FileVersion.self,
        KnowledgeArticle.self, Library.self, SynonymGroup.self, Topic.self, TopicAssignment.self,
        SearchPromotion.self,
    ]

    /// Feeds, groups, questions, ideas, reputation, moderation, service, partner and employee programs.
    public static let engagement: [any Entity.Type] = [
        Announcement.self, Answer.self, ApprovalDelegation.self, ApprovalRequest.self, Badge.self, BadgeAward.self,
        CaseComment.self, CaseHistoryEntry.self, CaseSurvey.self, CaseTracking.self, Comment.self, CommunityGroup.self,
        DeflectionSession.self, EmployeeRequest.self, FeedItem.self, Follow.self, FundBudget.self, FundClaim.self,
        FundRequest.self, GroupMembership.self, Idea.self, IdeaTrend.self, IdeaZone.self, JoinRequest.self, LeadConversion.self,
        LeadDuplicateReview.self, LeadOffer.self, MemberDetails.self, MemberStanding.self, ModerationAuditEntry.self,
        ModerationCase.self, ModerationRule.self, Notification.self, NotificationPreferences.self, PartnerMaterial.self,
        PointsEntry.self, Question.self, QuestionStats.self, QuestionViewRecord.self, QueueRotation.self, RateLimitRule.self,
        ReputationAccount.self, Revision.self, SearchLogRetention.self, SearchQueryLogEntry.self, SiteReputation.self,
    ]

    /// The engine's own: site registrations, scheduled-work runs, single sign-on providers and pending sign-ins.
    public static let engine: [any Entity.Type] = [
        DueWorkRun.self, SiteRegistration.self, OpenIDProviderRecord.self, SingleSignOnRequest.self,
    ]

    /// All of them, with ``IdentityEntities/all``, ``SiteEntities/all``, ``AnalyticsEntities/all`` (saved
    /// reports, dashboards, folders) and ``APIEntities/all`` (tokens, clients, webhooks).
    public static var all: [any Entity.Type] {
        model + content + engagement + IdentityEntities.all + SiteEntities.all + AnalyticsEntities.all + APIEntities.all + engine
    }
}
