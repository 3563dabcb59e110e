/// A lead waiting in the lead pool, as the lead pool component lists it.
public struct PooledLeadSummary: Sendable, Hashable {
    /// The lead id.
    public var id: String
    /// The lead's company.
    public var company: String
    /// The lead's region and product, where known, joined for display.
    public var details: String

    /// A summary.
    public init(id: String, company: String, details: String) {
        self.id = id
        self.company = company
        self.details = details
    }
}
