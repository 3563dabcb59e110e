import CommunityModel

/// The snapshot handed out when no connection could start a read transaction (the server
/// is down): every read throws the error that prevented it.
struct PostgresFailedSnapshot: StoreSnapshot {
    let error: StoreError
    var sequence: UInt64 { 0 }
    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? { throw error }
    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] { throw error }
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] { throw error }
    func count<E: Entity>(_ type: E.Type) throws -> Int { throw error }
}
