public import CommunityModel

/// One record's change between two snapshots of an engine: the record before (`nil` when it
/// was inserted) and after (`nil` when it was deleted). Several changes of one record between
/// the two snapshots are merged into one: the first `before`, the last `after`.
public struct RecordChange: Sendable {
    /// The record's object.
    public let object: EntityType
    /// The record's dense handle (the same in both snapshots).
    public let handle: RecordHandle
    /// The record as the earlier snapshot held it, or `nil` when it did not exist there.
    public let before: (any Record)?
    /// The record as the later snapshot holds it, or `nil` when it no longer exists there.
    public let after: (any Record)?

    /// A change.
    public init(object: EntityType, handle: RecordHandle, before: (any Record)?, after: (any Record)?) {
        self.object = object
        self.handle = handle
        self.before = before
        self.after = after
    }
}

/// What changed between two snapshots of one ``AccessEngine``
/// (``AccessSnapshot/carriedAnswer(_:as:maximumChanges:)``).
public struct SnapshotChanges: Sendable {
    /// The records that changed, one entry per record, in handle order.
    public var records: [RecordChange]
    /// Whether no change could have altered who may read which record: only updates of
    /// existing records whose sharing columns (owner, account, parent, contact, criteria-rule
    /// matches, fields sharing sets compare) stayed the same, and entities the access engine
    /// ignores. Any insert, delete, share, rule, user, group, role, profile or default change
    /// makes this `false`.
    public var sharingNeutral: Bool

    /// Changes.
    public init(records: [RecordChange], sharingNeutral: Bool) {
        self.records = records
        self.sharingNeutral = sharingNeutral
    }

    /// Nothing changed.
    public static let none = SnapshotChanges(records: [], sharingNeutral: true)
}
