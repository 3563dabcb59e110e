public import CommunityModel

/// An entity the store conformance suite writes and queries: indexed by `group`
/// (picklist), `rank` (number) and the optional `label` (text); `note` is not indexed.
public struct ConformanceItem: Entity, Hashable {
    /// The table name, `ConformanceItem`.
    public static let entityType: EntityType = "ConformanceItem"
    /// `group`, `rank` and `label`.
    public static var indexedFields: [IndexedField<ConformanceItem>] {
        [
            IndexedField("group") { .picklist($0.group) },
            IndexedField("rank") { .number(Double($0.rank)) },
            IndexedField("label") { $0.label.map(FieldValue.text) },
        ]
    }

    /// The identifier.
    public var id: ID<ConformanceItem>
    /// A small set of values, for equality and `oneOf` filters.
    public var group: String
    /// A number with ties, for ranges and ordering.
    public var rank: Int
    /// Optional text; entities without one are left out of the `label` index.
    public var label: String?
    /// Free text the store does not index.
    public var note: String

    /// Creates an item.
    public init(id: ID<ConformanceItem>, group: String, rank: Int, label: String? = nil, note: String = "") {
        self.id = id
        self.group = group
        self.rank = rank
        self.label = label
        self.note = note
    }
}

/// A counter the conformance suite increments from many threads at once.
public struct ConformanceCounter: Entity, Hashable {
    /// The table name, `ConformanceCounter`.
    public static let entityType: EntityType = "ConformanceCounter"

    /// The identifier.
    public var id: ID<ConformanceCounter>
    /// The current count.
    public var value: Int

    /// Creates a counter.
    public init(id: ID<ConformanceCounter>, value: Int) {
        self.id = id
        self.value = value
    }
}
