/// How often a member wants e-mail about a kind of notice.
public enum EmailFrequency: String, Hashable, Sendable, Codable, CaseIterable {
    /// One e-mail per notice, sent at once.
    case immediate
    /// One digest a day.
    case daily
    /// One digest a week.
    case weekly
}
