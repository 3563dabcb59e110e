extension ComponentRegistry {
    /// The management console's components: the KPI range form and the KPI dashboard.
    static let managementConsoleTypes: [any SiteComponent.Type] = [KPIRangeComponent.self, KPIDashboardComponent.self]
}
