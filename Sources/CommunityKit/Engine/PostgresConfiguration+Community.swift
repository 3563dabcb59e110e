public import CommunityPostgres

extension PostgresConfiguration {
    /// A configuration for a ``Community`` on PostgreSQL: every entity type the engine keeps is
    /// registered (``CommunityEntities/all``), so each host's access engine, search indexers
    /// and engagement indexes decode the changes the other hosts commit.
    ///
    /// ```swift
    /// let store = try PostgresStore(configuration: .community(url: "postgresql://app@db/community"))
    /// let community = try Community(CommunityConfiguration(store: store, csrfSecret: secret))
    /// ```
    public static func community(url: String, schema: String = "communitykit") -> PostgresConfiguration {
        PostgresConfiguration(url: url, schema: schema, entityTypes: CommunityEntities.all)
    }
}
