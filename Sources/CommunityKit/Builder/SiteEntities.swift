public import CommunityModel

/// The entity types the site builder keeps in a ``Store``: drafts, publications, state and the
/// audit trail.
public enum SiteEntities {
    /// Every site-builder entity type, to register with a store that decodes entities by type
    /// name (CommunitySQLite's `EntityRegistry(IdentityEntities.all + SiteEntities.all)`).
    public static let all: [any Entity.Type] = [
        SiteDraftSettings.self, SiteDraftPage.self, SitePublication.self, SiteBuilderState.self, SiteAuditEntry.self,
    ]
}
