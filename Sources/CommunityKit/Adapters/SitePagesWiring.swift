import CommunityModel
import CommunityAccess
import CommunityEngagement
import CommunityRendering

/// Wires the agent case work, case queue, access explanation and registration queue components
/// to the engine: their data providers and form actions.
enum SitePagesWiring {
    static func register(in services: inout RenderServices, cases: CaseService, access: AccessEngine, store: any Store) {
        services.set((any CaseWorkProvider).self, CaseWorkDataProvider(cases: cases, store: store))
        services.set((any AccessExplanationProvider).self, AccessExplanationDataProvider(access: access, store: store))
        services.set((any RegistrationReviewProvider).self, RegistrationReviewDataProvider(store: store))
    }

    static func install(into actions: inout FormActionRegistry, cases: CaseService, store: any Store) {
        CaseWorkActions.install(into: &actions, cases: cases)
        RegistrationActions.install(into: &actions, store: store)
    }
}
