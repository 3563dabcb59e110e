/// A snapshot of an ``ObservedStore``: reads go to the wrapped snapshot; errors are reported.
struct ObservedSnapshot: StoreSnapshot {
    let base: any StoreSnapshot
    let reporter: StoreErrorReporter

    var sequence: UInt64 { base.sequence }

    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? {
        do { return try base.get(id) } catch {
            reporter.report(error, operation: "get", entity: E.entityType, id: id.rawValue)
            throw error
        }
    }

    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] {
        do { return try base.all(type) } catch {
            reporter.report(error, operation: "all", entity: E.entityType)
            throw error
        }
    }

    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] {
        do { return try base.query(query) } catch {
            reporter.report(error, operation: "query", entity: E.entityType)
            throw error
        }
    }

    func count<E: Entity>(_ type: E.Type) throws -> Int {
        do { return try base.count(type) } catch {
            reporter.report(error, operation: "count", entity: E.entityType)
            throw error
        }
    }
}
