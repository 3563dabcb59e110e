/// Where an idea stands with the product team.
public enum IdeaStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case new, underReview, planned, inProgress, delivered, notPlanned
}
