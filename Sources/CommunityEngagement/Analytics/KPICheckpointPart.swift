public import CommunityModel

/// One part of the KPI aggregator's checkpoint, a ``Store`` entity: the daily aggregate rows
/// and each entity group's facts as of a feed position, so a restart reads these instead of
/// every entity (see ``KPIAggregator/checkpoint(to:)``).
///
/// A checkpoint is written in one transaction as parts `0`, `1`, … of at most
/// ``maximumItems`` rows and groups each; part `0` carries the feed position, the number of
/// parts and the rules' fingerprint, and a restart that finds any of them inconsistent
/// rebuilds from the entities instead.
public struct KPICheckpointPart: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "KPICheckpointPart"
    /// The most aggregate rows plus groups one part holds.
    public static let maximumItems = 2_000

    /// The part's number as its id (`0`, `1`, …).
    public var id: ID<KPICheckpointPart>
    /// The last change sequence the checkpoint includes.
    public var sequence: UInt64
    /// How many parts the checkpoint has.
    public var parts: Int
    /// What the rules the facts were derived with look like; a restart under other rules rebuilds.
    public var rulesFingerprint: String
    /// Aggregate rows.
    public var rows: [KPIAggregateRow]
    /// Entity groups with their members and facts.
    public var groups: [KPICheckpointGroup]

    /// A part.
    public init(number: Int, sequence: UInt64, parts: Int, rulesFingerprint: String, rows: [KPIAggregateRow], groups: [KPICheckpointGroup]) {
        id = Self.id(number)
        self.sequence = sequence
        self.parts = parts
        self.rulesFingerprint = rulesFingerprint
        self.rows = rows
        self.groups = groups
    }

    /// The id of part `number`.
    public static func id(_ number: Int) -> ID<KPICheckpointPart> { ID(sanitizing: "kpi-" + String(number)) }
}
