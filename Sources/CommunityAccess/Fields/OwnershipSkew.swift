public import CommunityModel

/// An owner with more records of one object than the skew threshold (diagnostic only).
public struct OwnershipSkew: Hashable, Sendable {
    /// The object.
    public var object: EntityType
    /// The owner.
    public var owner: Owner
    /// How many records of the object it owns.
    public var count: Int

    /// Creates a skew entry.
    public init(object: EntityType, owner: Owner, count: Int) {
        self.object = object
        self.owner = owner
        self.count = count
    }
}

extension AccessSnapshot {
    /// Owners with more than `threshold` records of one object (Salesforce guidance: 10,000),
    /// largest first.
    public func ownershipSkew(threshold: Int = 10_000) -> [OwnershipSkew] {
        var out: [OwnershipSkew] = []
        for (key, records) in state.ownerIndex.entries where records.count > threshold {
            let object = state.objects.keys[Int(key >> 40)]
            let who = UInt32(truncatingIfNeeded: key)
            let owner: Owner =
                key & (1 << 32) != 0 ? .queue(state.queueIDs.keys[Int(who)]) : .user(state.userIDs.keys[Int(who)])
            out.append(OwnershipSkew(object: object, owner: owner, count: records.count))
        }
        return out.sorted { ($0.count, $0.owner.description) > ($1.count, $1.owner.description) }
    }
}
