public import CommunityModel

/// Sales or marketing material for partners (price lists, playbooks), gated by tier.
public struct PartnerMaterial: Entity, Hashable {
    public static let entityType: EntityType = "PartnerMaterial"
    public var id: ID<PartnerMaterial>
    /// Its title.
    public var title: String
    /// Where it is (a file id or URL, escaped when rendered).
    public var location: String
    /// The lowest tier that may see it.
    public var minimumTier: Account.PartnerTier

    /// Creates a material.
    public init(id: ID<PartnerMaterial>, title: String, location: String, minimumTier: Account.PartnerTier) {
        self.id = id
        self.title = title
        self.location = location
        self.minimumTier = minimumTier
    }

    /// The materials a partner user's tier unlocks, by title; internal users see all,
    /// everyone else none.
    public static func available(to user: ID<User>, in reader: any StoreReader) throws -> [PartnerMaterial] {
        guard let viewer = try reader.value(user), viewer.isActive else { return [] }
        let all = try reader.all(PartnerMaterial.self).map(\.value).sorted { ($0.title, $0.id) < ($1.title, $1.id) }
        if viewer.kind == .internal { return all }
        guard viewer.kind == .partner, let account = try viewer.accountID.flatMap({ try reader.value($0) }),
            account.isPartner
        else { return [] }
        return all.filter { PartnerTierPolicy.reaches(account.partnerTier, $0.minimumTier) }
    }
}
