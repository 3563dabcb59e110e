/// The order the idea list shows ideas in.
public enum IdeaListOrder: String, Sendable, Hashable, Codable, CaseIterable {
    /// By net votes, highest first.
    case top
    /// By the stored trending ranking (recent votes weigh more), as the scheduled refresh last
    /// computed it.
    case trending
    /// Newest first.
    case recent
}
