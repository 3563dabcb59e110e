extension ComponentRegistry {
    /// The management console's components: the KPI range form, the KPI dashboard, the
    /// search log's retention settings, the promoted search results and the search synonym groups.
    static let managementConsoleTypes: [any SiteComponent.Type] = [
        KPIRangeComponent.self, KPIDashboardComponent.self, SearchLogSettingsComponent.self, SearchPromotionsComponent.self,
        SynonymGroupsComponent.self,
    ]
}
