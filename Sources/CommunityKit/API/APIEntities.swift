public import CommunityModel

/// The entity types the JSON API keeps in a ``Store``: tokens, clients, webhook endpoints and
/// deliveries, idempotency records and the cursor secret. Register them with a store that decodes by type name
/// (`EntityRegistry(IdentityEntities.all + SiteEntities.all + APIEntities.all)`).
public enum APIEntities {
    /// Every API entity type.
    public static let all: [any Entity.Type] = [
        APIToken.self, APIClient.self, WebhookEndpoint.self, WebhookDelivery.self, APIIdempotencyRecord.self, APICursorSecret.self,
    ]
}
