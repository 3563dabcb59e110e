import CommunityModel
import Foundation

/// The reads every view of a ``PostgresStore`` shares, over one connection.
struct PostgresReader {
    let connection: PostgresConnection
    let decoders: PostgresEntityDecoders
    /// Whether `get` locks the row (reads inside a write transaction).
    var locksRows = false

    func decode<E: Entity>(_ data: Data, _ id: String, _: E.Type) throws -> E {
        do {
            let value = try JSONDecoder().decode(E.self, from: data)
            guard value.id.rawValue == id else {
                throw StoreError.corrupt(entity: E.entityType, id: id, detail: "the body holds id \(value.id.rawValue)")
            }
            return value
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.corrupt(entity: E.entityType, id: id, detail: "\(error)")
        }
    }

    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? {
        decoders.learn(E.self)
        let rows = try connection.query(
            locksRows ? PostgresSchema.getEntityForUpdate : PostgresSchema.getEntity, [E.entityType.name, id.rawValue])
        guard rows.count > 0 else { return nil }
        return Versioned(value: try decode(rows.data(0, 1), id.rawValue, E.self), version: Int(try rows.integer(0, 0)))
    }

    func version<E: Entity>(_ type: E.Type, _ id: String) throws -> Int? {
        let rows = try connection.query(PostgresSchema.getVersion, [E.entityType.name, id])
        return rows.count > 0 ? Int(try rows.integer(0, 0)) : nil
    }

    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] {
        decoders.learn(E.self)
        let rows = try connection.query(PostgresSchema.allEntities, [E.entityType.name])
        var result: [Versioned<E>] = []
        result.reserveCapacity(rows.count)
        for r in 0..<rows.count {
            let id = rows.text(r, 0)
            result.append(Versioned(value: try decode(rows.data(r, 2), id, E.self), version: Int(try rows.integer(r, 1))))
        }
        // `COLLATE "C"` orders by bytes, which is Swift's order for the ASCII ids stores use;
        // sorting again keeps the contract for any other id.
        if !result.isEmpty, !zip(result, result.dropFirst()).allSatisfy({ $0.value.id.rawValue < $1.value.id.rawValue }) {
            result.sort { $0.value.id.rawValue < $1.value.id.rawValue }
        }
        return result
    }

    func count<E: Entity>(_ type: E.Type) throws -> Int {
        let rows = try connection.query(PostgresSchema.countEntities, [E.entityType.name])
        return rows.count > 0 ? Int(try rows.integer(0, 0)) : 0
    }

    /// Lets the database find the candidates through the index table (every equality and
    /// `oneOf` filter becomes an indexed lookup, every other filtered or ordered field a
    /// "has this field" lookup), then filters, orders and pages them with the definitions
    /// every store shares (`Query.matches`, `Query.precedes`), which keep exact number,
    /// money and text semantics.
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] {
        decoders.learn(E.self)
        let fields = Dictionary(E.indexedFields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        for filter in query.filters where fields[filter.field] == nil {
            throw StoreError.unindexedField(entity: E.entityType, field: filter.field)
        }
        if let order = query.order, fields[order.field] == nil {
            throw StoreError.unindexedField(entity: E.entityType, field: order.field)
        }
        var sql = PostgresSchema.candidates
        var values: [String?] = [E.entityType.name]
        func parameter(_ value: String) -> String {
            values.append(value)
            return "$\(values.count)"
        }
        for filter in query.filters {
            let field = parameter(filter.field)
            switch filter.condition {
            case .equals(let value):
                let key = parameter(PostgresIndexKey.of(value))
                sql += " AND e.id IN (SELECT i.id FROM ck_index AS i WHERE i.type = $1 AND i.field = \(field) AND i.key = \(key))"
            case .oneOf(let options):
                guard !options.isEmpty else { return [] }
                let keys = Set(options.map(PostgresIndexKey.of)).sorted().map(parameter).joined(separator: ", ")
                sql += " AND e.id IN (SELECT i.id FROM ck_index AS i WHERE i.type = $1 AND i.field = \(field) AND i.key IN (\(keys)))"
            case .range:
                sql += " AND e.id IN (SELECT i.id FROM ck_index AS i WHERE i.type = $1 AND i.field = \(field))"
            }
        }
        let rows = try connection.query(sql, values)
        var matches: [(id: String, values: [String: FieldValue], result: Versioned<E>)] = []
        for r in 0..<rows.count {
            let id = rows.text(r, 0)
            let value = try decode(rows.data(r, 2), id, E.self)
            var indexed: [String: FieldValue] = [:]
            for (name, read) in fields { indexed[name] = read(value) }
            if query.filters.allSatisfy({ Query<E>.matches(indexed[$0.field], $0.condition) }) {
                matches.append((id, indexed, Versioned(value: value, version: Int(try rows.integer(r, 1)))))
            }
        }
        if let order = query.order {
            matches.sort { a, b in
                Query<E>.precedes((a.id, a.values[order.field]), (b.id, b.values[order.field]), descending: order.descending)
            }
        } else {
            matches.sort { $0.id < $1.id }
        }
        return matches.dropFirst(query.offset).prefix(query.limit ?? Int.max).map(\.result)
    }
}
