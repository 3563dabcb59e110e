/// A transaction of an ``ObservedStore``: every call goes to the wrapped transaction; errors
/// are reported where they are thrown, and remembered so the enclosing `write` does not
/// report them a second time.
final class ObservedTransaction: StoreTransaction {
    let base: any StoreTransaction
    let reporter: StoreErrorReporter
    private var reported: [any Error] = []

    init(base: any StoreTransaction, reporter: StoreErrorReporter) {
        self.base = base
        self.reporter = reporter
    }

    var sequence: UInt64 { base.sequence }

    /// Whether `error` is one this transaction already reported.
    func alreadyReported(_ error: any Error) -> Bool {
        if let storeError = error as? StoreError {
            return reported.contains { ($0 as? StoreError) == storeError }
        }
        if let invalid = error as? ValidationError {
            return reported.contains { ($0 as? ValidationError) == invalid }
        }
        return false
    }

    private func report(_ error: any Error, operation: StaticString, entity: EntityType, id: String? = nil) {
        reporter.report(error, operation: operation, entity: entity, id: id)
        if error is StoreError || error is ValidationError { reported.append(error) }
    }

    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? {
        do { return try base.get(id) } catch {
            report(error, operation: "get", entity: E.entityType, id: id.rawValue)
            throw error
        }
    }

    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] {
        do { return try base.all(type) } catch {
            report(error, operation: "all", entity: E.entityType)
            throw error
        }
    }

    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] {
        do { return try base.query(query) } catch {
            report(error, operation: "query", entity: E.entityType)
            throw error
        }
    }

    func count<E: Entity>(_ type: E.Type) throws -> Int {
        do { return try base.count(type) } catch {
            report(error, operation: "count", entity: E.entityType)
            throw error
        }
    }

    @discardableResult
    func put<E: Entity>(_ value: E, expecting: ExpectedVersion) throws -> Int {
        do { return try base.put(value, expecting: expecting) } catch {
            report(error, operation: "put", entity: E.entityType, id: value.id.rawValue)
            throw error
        }
    }

    func delete<E: Entity>(_ id: ID<E>, expecting: ExpectedVersion) throws {
        do { try base.delete(id, expecting: expecting) } catch {
            report(error, operation: "delete", entity: E.entityType, id: id.rawValue)
            throw error
        }
    }
}
