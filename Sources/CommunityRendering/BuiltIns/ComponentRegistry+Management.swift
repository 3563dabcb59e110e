extension ComponentRegistry {
    /// The management console's components: the KPI range form, the KPI dashboard and the
    /// search log's retention settings and the search synonym groups.
    static let managementConsoleTypes: [any SiteComponent.Type] = [
        KPIRangeComponent.self, KPIDashboardComponent.self, SearchLogSettingsComponent.self, SynonymGroupsComponent.self,
    ]
}
