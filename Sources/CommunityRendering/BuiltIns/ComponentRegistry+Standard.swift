extension ComponentRegistry {
    /// Every built-in component: header, footer, rich text, banner, search box and results,
    /// article list and detail, topic catalog and page, member profile and directory, record
    /// list and detail, questions, ask form, ideas, feed, groups, leaderboard, case form,
    /// lead form, deal pipeline, dashboard, self-registration, market development funds, lead
    /// offers, and the account pages' sign-in,
    /// two-factor code, forgot and reset password, e-mail verification, password change and
    /// two-factor setup; and the site forms: case comments and attachments, best answer,
    /// moderation queue, profile editor and notification settings; the employee portal and the approval queue;
    /// agent case work and the case queue, the registration queue and the access explanation; fund
    /// claims, budget allocation, the lead pool and lead conversion; the idea form and the idea page; knowledge authoring;
    /// the report builder, saved reports and dashboards; the administrators' store status; the management console's KPI range,
    /// dashboard and search log settings.
    public static var standard: ComponentRegistry {
        var registry = ComponentRegistry()
        let types: [any SiteComponent.Type] = [
            HeaderComponent.self, FooterComponent.self, RichTextComponent.self, BannerComponent.self,
            SearchBoxComponent.self, SearchResultsComponent.self, ArticleListComponent.self, ArticleDetailComponent.self,
            TopicCatalogComponent.self, TopicPageComponent.self, MemberProfileComponent.self, MemberDirectoryComponent.self,
            RecordListComponent.self, RecordDetailComponent.self, QuestionListComponent.self, QuestionDetailComponent.self,
            AskQuestionComponent.self, IdeaListComponent.self, FeedComponent.self, GroupListComponent.self,
            LeaderboardComponent.self, CaseFormComponent.self, LeadFormComponent.self, DealPipelineComponent.self,
            DashboardComponent.self, SelfRegistrationComponent.self, FundRequestsComponent.self, LeadOffersComponent.self,
            SignInComponent.self, TwoFactorChallengeComponent.self, ForgotPasswordComponent.self, ResetPasswordComponent.self,
            VerifyEmailComponent.self, ChangePasswordComponent.self, TwoFactorSetupComponent.self,
            CaseActivityComponent.self, BestAnswerComponent.self, ModerationQueueComponent.self, ProfileEditorComponent.self,
            NotificationSettingsComponent.self, EmployeePortalComponent.self, ApprovalQueueComponent.self,
            CaseWorkComponent.self, CaseQueueComponent.self, RegistrationQueueComponent.self, AccessExplanationComponent.self,
            FundClaimsComponent.self, FundAllocationComponent.self, LeadPoolComponent.self, LeadConversionComponent.self,
            IdeaFormComponent.self, IdeaDetailComponent.self, KnowledgeAuthoringComponent.self,
            StoreStatusComponent.self,
            ReportBuilderComponent.self, ReportComponent.self, ReportDashboardComponent.self,
        ] + managementConsoleTypes
        for type in types {
            do { try registry.registerOpened(type) } catch { preconditionFailure("built-in \(error)") }  // trap-safe: fixed built-in list, registered once into an empty registry (a test covers it)
        }
        return registry
    }

    private mutating func registerOpened<C: SiteComponent>(_ type: C.Type) throws(RegistryError) {
        try register(type)
    }
}
