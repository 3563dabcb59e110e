import CommunityModel
import CommunityAccess
import CommunityContent
import CommunityEngagement
import CommunityRendering

/// Wires the agent case work, case queue, access explanation, registration queue, fund claim,
/// budget allocation, lead pool, lead conversion, idea form, idea page and knowledge authoring components to the engine: their data
/// providers and form actions.
enum SitePagesWiring {
    /// The services the components read.
    struct Services {
        let cases: CaseService
        let access: AccessEngine
        let store: any Store
        let funds: MarketDevelopmentFundService
        let leads: LeadDistributionService
        let conversions: LeadConversionService
        let engagement: Engagement
        let knowledge: KnowledgeService
    }

    static func register(in services: inout RenderServices, _ engine: Services) {
        services.set((any CaseWorkProvider).self, CaseWorkDataProvider(cases: engine.cases, store: engine.store))
        services.set((any AccessExplanationProvider).self, AccessExplanationDataProvider(access: engine.access, store: engine.store))
        services.set((any RegistrationReviewProvider).self, RegistrationReviewDataProvider(store: engine.store))
        services.set((any ChannelProgramProvider).self, ChannelProgramDataProvider(
            funds: engine.funds, leads: engine.leads, conversions: engine.conversions, store: engine.store))
        services.set((any IdeaWorkProvider).self, IdeaWorkDataProvider(engagement: engine.engagement, access: engine.access))
        services.set((any KnowledgeAuthoringProvider).self, KnowledgeAuthoringDataProvider(knowledge: engine.knowledge))
    }

    static func install(into actions: inout FormActionRegistry, _ engine: Services) {
        CaseWorkActions.install(into: &actions, cases: engine.cases)
        RegistrationActions.install(into: &actions, store: engine.store)
        ChannelProgramActions.install(into: &actions, funds: engine.funds, leads: engine.leads, conversions: engine.conversions)
        IdeaWorkActions.install(into: &actions, engagement: engine.engagement)
        KnowledgeAuthoringActions.install(into: &actions, knowledge: engine.knowledge)
    }
}
