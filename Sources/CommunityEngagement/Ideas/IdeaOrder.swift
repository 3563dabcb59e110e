/// How to sort ideas.
public enum IdeaOrder: Hashable, Sendable {
    /// Highest score (up minus down) first.
    case top
    /// Highest time-decayed score first (the zone's half-life).
    case trending
    /// Newest first.
    case recent
    /// Only ideas with this status, newest status change first.
    case status(IdeaStatus)
}
