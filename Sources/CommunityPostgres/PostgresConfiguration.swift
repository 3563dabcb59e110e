public import CommunityModel

/// Where a ``PostgresStore`` keeps its data and how it follows the shared change feed.
public struct PostgresConfiguration: Sendable {
    /// A libpq connection string or URL, such as `postgresql://app@db.internal:5432/community`.
    public var url: String
    /// The PostgreSQL schema (namespace) holding the store's tables; every host of one
    /// community uses the same one. Lower-case letters, digits and `_`, starting with a letter
    /// or `_`, at most 63 characters.
    public var schema: String
    /// The entity types the store can decode without being told the type: the `entity` of
    /// changes other hosts committed, which this host's observers (access engine, indexers)
    /// read. Types the store reads or writes through typed calls are learnt as well.
    public var entityTypes: [any Entity.Type]
    /// Custom field schemas that records' custom values are checked against on every `put`.
    public var objectSchemas: [ObjectSchema]
    /// How long the feed follower waits for a notification before it polls the changes
    /// table anyway (the fallback when a notification is lost).
    public var pollInterval: Duration
    /// How many idle connections the pool keeps for snapshots and feed reads.
    public var idleConnections: Int

    /// A configuration for the database at `url`.
    public init(
        url: String, schema: String = "communitykit", entityTypes: [any Entity.Type] = [], objectSchemas: [ObjectSchema] = [],
        pollInterval: Duration = .milliseconds(500), idleConnections: Int = 8
    ) {
        self.url = url
        self.schema = schema
        self.entityTypes = entityTypes
        self.objectSchemas = objectSchemas
        self.pollInterval = pollInterval
        self.idleConnections = idleConnections
    }

    /// Whether `schema` is a name the store accepts (it is quoted into SQL text).
    static func isValidSchema(_ schema: String) -> Bool {
        guard let first = schema.unicodeScalars.first, schema.unicodeScalars.count <= 63 else { return false }
        func letter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || c == "_" }
        return letter(first) && schema.unicodeScalars.allSatisfy { letter($0) || ("0"..."9").contains($0) }
    }
}
