public import CommunityModel
public import Foundation

/// One change to a site's configuration, for the builder's audit trail: who, when, what.
public struct SiteAuditEntry: Entity, Hashable {
    /// What kind of change.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A site defined in code was put in the store.
        case stored
        /// The draft changed.
        case draftEdit
        /// A version went live.
        case publish
        /// An earlier version went live again.
        case rollback
    }

    public static let entityType: EntityType = "SiteAuditEntry"
    public static let indexedFields: [IndexedField<SiteAuditEntry>] = [IndexedField("siteID") { .text($0.siteID) }]

    /// The entry's key.
    public var id: ID<SiteAuditEntry>
    /// The site.
    public var siteID: String
    /// The site's change number, from 1: the order of the trail.
    public var sequence: Int
    /// Who made the change; `nil` for a host's code.
    public var actor: ID<User>?
    /// When.
    public var at: Date
    /// The kind of change.
    public var kind: Kind
    /// What changed, in words ("added community.banner hero to page home").
    public var summary: String

    /// An entry.
    public init(siteID: String, sequence: Int, actor: ID<User>?, at: Date, kind: Kind, summary: String) {
        id = SiteStorageKey.key(siteID, "change\(sequence)")
        self.siteID = siteID
        self.sequence = sequence
        self.actor = actor
        self.at = at
        self.kind = kind
        self.summary = summary
    }
}
