public import CommunityModel
public import Foundation

/// A zone's trending ranking as the scheduler last computed it: every open idea (merged
/// duplicates left out) with its time-decayed score, highest first. Stored with the zone's id.
public struct IdeaTrend: Entity, Hashable {
    /// One ranked idea.
    public struct Entry: Hashable, Sendable, Codable {
        /// The idea.
        public var ideaID: ID<Idea>
        /// Its trending score at ``IdeaTrend/computedAt``.
        public var score: Double
    }

    public static let entityType: EntityType = "IdeaTrend"

    public var id: ID<IdeaTrend>
    /// The zone.
    public var zoneID: ID<IdeaZone>
    /// The moment the scores are for.
    public var computedAt: Date
    /// The ideas, highest score first.
    public var entries: [Entry]

    /// The trend id of a zone.
    public static func id(for zone: ID<IdeaZone>) -> ID<IdeaTrend> { zone.retyped() }
}
