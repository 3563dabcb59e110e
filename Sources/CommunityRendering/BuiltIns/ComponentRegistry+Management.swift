extension ComponentRegistry {
    /// The management console's components: the KPI range form, the KPI dashboard, the
    /// search log's retention settings and the promoted search results.
    static let managementConsoleTypes: [any SiteComponent.Type] = [
        KPIRangeComponent.self, KPIDashboardComponent.self, SearchLogSettingsComponent.self, SearchPromotionsComponent.self,
    ]
}
