import CSQLite
@testable import CommunityAccess
import CommunityModel
@testable import CommunitySQLite
import Foundation
import Testing

/// An engine built from a `SQLiteStore` reads records' stored access fields and keeps their
/// bodies encoded; it answers exactly like an engine built the plain way (every record
/// decoded) from a `MemoryStore` holding the same entities: every access check, every
/// listing, every record read. Schema 3 files migrate; a migration stopped part-way leaves a
/// usable file; damaged access fields are typed errors.
@Suite("Access engine built from SQLiteStore access fields")
struct SQLiteBuildTests {
    static let types: [any Record.Type] = AccessEngine.standardRecordTypes + [Project.self]
    static let registry = EntityRegistry(types.map { $0 as any Entity.Type })

    static func expectSameAnswers(_ fast: AccessEngine, _ plain: AccessEngine, _ org: RandomOrg, seed: Int) throws {
        let a = fast.snapshot
        let b = plain.snapshot
        var mismatches: [String] = []
        for u in org.allUsers {
            for (o, id) in org.records {
                if a.access(u, to: o, id: id) != b.access(u, to: o, id: id) { mismatches.append("access \(u) \(o) \(id)") }
                for action in [AccessAction.edit, .delete, .transfer] where a.can(u, action, o, id: id) != b.can(u, action, o, id: id) {
                    mismatches.append("\(action) \(u) \(o) \(id)")
                }
            }
            for object in RandomOrg.objects {
                let x = try a.visibleRecords(of: u, object: object, limit: 100_000).records.map { (try EntityBody.encode($0.record), $0.access) }
                let y = try b.visibleRecords(of: u, object: object, limit: 100_000).records.map { (try EntityBody.encode($0.record), $0.access) }
                if x.map(\.0) != y.map(\.0) || x.map(\.1) != y.map(\.1) {
                    mismatches.append("listing \(u) \(object)")
                }
            }
        }
        for (o, id) in org.records {
            let x = try a.record(o, id: id).map { try EntityBody.encode($0) }
            let y = try b.record(o, id: id).map { try EntityBody.encode($0) }
            if x != y { mismatches.append("record \(o) \(id)") }
        }
        #expect(mismatches.count == 0, "seed \(seed): \(mismatches.count) mismatches, first \(mismatches.prefix(5))")
    }

    static func filledSQLite(_ entities: [any Entity], path: String, registry: EntityRegistry = registry) throws -> SQLiteStore {
        let store = try SQLiteStore(path: path, registry: registry)
        try store.write { tx in for e in entities { try DifferentialTests.put(e, tx) } }
        return store
    }

    /// Copies the memory store's changes after `sequence` into `target` (deletions included).
    static func mirror(_ memory: MemoryStore, after sequence: UInt64, into target: any Store) throws -> UInt64 {
        let changes = try memory.changes(after: sequence, limit: 10_000)
        try target.write { tx in
            for change in changes {
                if let entity = change.entity {
                    try DifferentialTests.put(entity, tx)
                } else {
                    try delete(change.entityType, change.id, tx)
                }
            }
        }
        return changes.last?.sequence ?? sequence
    }

    static func delete(_ type: EntityType, _ id: String, _ tx: any StoreTransaction) throws {
        func remove<E: Entity>(_: E.Type) throws { try tx.delete(ID<E>(parsing: id)) }
        let all: [any Entity.Type] = AccessEngine.accessEntityTypes + types.map { $0 as any Entity.Type }
        for t in all where t.entityType == type { try remove(t) }
    }

    @Test("a build from access fields equals a plain build", arguments: 300..<312)
    func fastBuildEqualsPlainBuild(seed: Int) throws {
        let directory = try TemporaryFolder()
        var org = RandomOrg(seed: UInt64(seed))
        let memory = try CheckpointTests.filledStore(org)
        let sqlite = try Self.filledSQLite(org.entities, path: directory.file("org.sqlite"))
        var mirrored = memory.snapshot().sequence
        try Self.expectSameAnswers(
            try AccessEngine(store: sqlite, recordTypes: Self.types), try AccessEngine(store: memory, recordTypes: Self.types), org,
            seed: seed)
        // After random changes (rules, roles, owners, fields, deletions) both builds still agree,
        // and an engine built from access fields follows later writes like a plain one.
        let following = try AccessEngine(store: sqlite, recordTypes: Self.types)
        let plainFollowing = try AccessEngine(store: memory, recordTypes: Self.types)
        for _ in 0..<10 {
            let change = DifferentialTests.mutation(&org, store: memory)
            try memory.write { tx in for e in change { try DifferentialTests.put(e, tx) } }
            mirrored = try Self.mirror(memory, after: mirrored, into: sqlite)
        }
        try Self.expectSameAnswers(following, plainFollowing, org, seed: seed)
        try Self.expectSameAnswers(
            try AccessEngine(store: sqlite, recordTypes: Self.types), try AccessEngine(store: memory, recordTypes: Self.types), org,
            seed: seed)
    }

    @Test func recordsKeepTheirBodiesEncodedAndReadBackWhole() throws {
        let directory = try TemporaryFolder()
        var org = RandomOrg(seed: 41)
        let lastName = SharingRule(
            id: "byLastName", object: "Contact", selection: .criteria([SharingCriterion(field: "LastName", equals: .text("c1_0"))]),
            sharedWith: org.grantee(), accessLevel: .read)
        let sqlite = try Self.filledSQLite(org.entities + [lastName], path: directory.file("org.sqlite"))
        #expect(try rawInteger(directory.file("org.sqlite"), "SELECT count(*) FROM ck_entities WHERE type = 'Case' AND access IS NULL") == 0)
        #expect(try rawInteger(directory.file("org.sqlite"), "SELECT count(*) FROM ck_entities WHERE type = 'User' AND access IS NOT NULL") == 0)
        let engine = try AccessEngine(store: sqlite, recordTypes: Self.types)
        // Criteria rules on Contact compare LastName, which access fields do not cover:
        // contacts are decoded; every other record stays encoded.
        var encoded: [EntityType: Int] = [:]
        var decoded: [EntityType: Int] = [:]
        let state = engine.snapshot.state
        for i in 0..<state.rows.count where state.rows[i].alive {
            let object = state.objects.keys[Int(state.rows[i].object)]
            if case .encoded = state.entities[i] { encoded[object, default: 0] += 1 } else { decoded[object, default: 0] += 1 }
        }
        #expect(encoded["Contact"] == nil && (decoded["Contact"] ?? 0) > 0)
        #expect((encoded["Case"] ?? 0) > 0 && (encoded["Opportunity"] ?? 0) > 0 && (encoded["Account"] ?? 0) > 0)
        #expect(decoded.keys.sorted() == ["Contact"])
        for (o, id) in org.records where o == "Case" {
            let stored = try sqlite.snapshot().value(ID<Case>(parsing: id))
            #expect((engine.snapshot.record(o, id: id) as? Case).map { try? EntityBody.encode($0) } == stored.map { try? EntityBody.encode($0) })
        }
    }

    /// Writes the store, then turns the file back into what schema 3 wrote: no `access` or
    /// `seq` column, every feed row of a put with its body, `ck_index` rows with their type,
    /// field and value as text (no `ck_fields`).
    static func schemaThreeFile(_ org: RandomOrg, path: String) throws {
        _ = try filledSQLite(org.entities, path: path)
        try rawExecute(path, """
            CREATE TABLE ck_index_5(type TEXT NOT NULL, field TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
                value TEXT NOT NULL, PRIMARY KEY(type, field, key, id)) WITHOUT ROWID;
            INSERT INTO ck_index_5 SELECT f.type, f.field, i.key, i.id, coalesce(i.value, i.key)
                FROM ck_index AS i JOIN ck_fields AS f ON f.slot = i.slot;
            DROP TABLE ck_index;
            ALTER TABLE ck_index_5 RENAME TO ck_index;
            DROP TABLE ck_fields;
            UPDATE ck_changes SET body = (SELECT e.body FROM ck_entities AS e WHERE e.type = ck_changes.type AND e.id = ck_changes.id)
                WHERE body IS NULL AND kind <> 'deleted';
            ALTER TABLE ck_entities DROP COLUMN seq;
            ALTER TABLE ck_entities DROP COLUMN access;
            DELETE FROM ck_meta WHERE key = 'access_filled';
            UPDATE ck_meta SET value = 3 WHERE key = 'schema';
            """)
    }

    @Test func aSchemaThreeFileMigratesAndAnswersTheSame() throws {
        let directory = try TemporaryFolder()
        let path = directory.file("v3.sqlite")
        let org = RandomOrg(seed: 51)
        try Self.schemaThreeFile(org, path: path)
        let store = try SQLiteStore(path: path, registry: Self.registry)
        #expect(try rawInteger(path, "SELECT value FROM ck_meta WHERE key = 'schema'") == SQLiteSchema.version)
        #expect(try rawInteger(path, "SELECT value FROM ck_meta WHERE key = 'access_filled'") == 1)
        #expect(try rawInteger(path, "SELECT count(*) FROM ck_entities WHERE type IN ('Case', 'Project__c') AND access IS NULL") == 0)
        try Self.expectSameAnswers(
            try AccessEngine(store: store, recordTypes: Self.types),
            try AccessEngine(store: try CheckpointTests.filledStore(org), recordTypes: Self.types), org, seed: 51)
    }

    struct DiskFull: Error {}

    @Test func aMigrationStoppedPartWayLeavesAUsableFile() throws {
        let directory = try TemporaryFolder()
        let org = RandomOrg(seed: 52)
        let plain = try AccessEngine(store: try CheckpointTests.filledStore(org), recordTypes: Self.types)
        for (name, reopen) in [("resumed", Self.registry), ("left", EntityRegistry())] {
            let path = directory.file("\(name).sqlite")
            try Self.schemaThreeFile(org, path: path)
            var batches = 0
            #expect(throws: DiskFull.self) {
                _ = try SQLiteStore(path: path, registry: Self.registry, schemas: [], afterAccessFillBatch: {
                    batches += 1
                    if batches == 2 { throw DiskFull() }
                })
            }
            // Two types' rows have access fields, the others none yet; the schema is the current one.
            #expect(try rawInteger(path, "SELECT value FROM ck_meta WHERE key = 'schema'") == SQLiteSchema.version)
            #expect(try rawInteger(path, "SELECT value FROM ck_meta WHERE key = 'access_filled'") == 0)
            #expect(try rawInteger(path, "SELECT count(DISTINCT type) FROM ck_entities WHERE access IS NOT NULL") == 2)
            // Reopened with the record types, the fill completes; reopened without, the
            // rows without access fields are decoded when an engine loads them.
            let store = try SQLiteStore(path: path, registry: reopen)
            let unfilled = try rawInteger(path, "SELECT count(*) FROM ck_entities WHERE type IN ('Case', 'Opportunity', 'Account', 'Contact', 'Project__c') AND access IS NULL")
            #expect((unfilled == 0) == (name == "resumed"))
            try Self.expectSameAnswers(try AccessEngine(store: store, recordTypes: Self.types), plain, org, seed: 52)
        }
    }

    @Test func damagedAccessFieldsAreCorrupt() throws {
        let directory = try TemporaryFolder()
        let org = RandomOrg(seed: 53)
        for (n, damage) in ["x'A1FF'", "x'00'", "x''", "substr(access, 1, length(access) - 1)", "access || x'00'"].enumerated() {
            let path = directory.file("damaged-\(n).sqlite")
            _ = try Self.filledSQLite(org.entities, path: path)
            try rawExecute(path, "UPDATE ck_entities SET access = \(damage) WHERE type = 'Case' AND id = 'case3'")
            let store = try SQLiteStore(path: path, registry: Self.registry)
            let error = #expect(throws: StoreError.self) { _ = try AccessEngine(store: store, recordTypes: Self.types) }
            guard case .corrupt(let entity, let id, let detail)? = error else {
                Issue.record("\(damage): \(String(describing: error))")
                continue
            }
            #expect(entity == "Case" && id == "case3" && detail.hasPrefix("access fields"), "\(damage): \(detail)")
        }
    }
}

/// A temporary folder removed when released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ck-sqlite-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Runs SQL on the file directly (to make old or damaged files).
func rawExecute(_ path: String, _ sql: String) throws {
    var db: OpaquePointer?
    guard sqlite3_open(path, &db) == SQLITE_OK else { throw StoreError.backend("cannot open \(path)") }
    defer { sqlite3_close(db) }
    guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
        throw StoreError.backend(String(cString: sqlite3_errmsg(db)))
    }
}

/// The single integer a query on the file returns.
func rawInteger(_ path: String, _ sql: String) throws -> Int64 {
    var db: OpaquePointer?
    guard sqlite3_open(path, &db) == SQLITE_OK else { throw StoreError.backend("cannot open \(path)") }
    defer { sqlite3_close(db) }
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { throw StoreError.backend(String(cString: sqlite3_errmsg(db))) }
    defer { sqlite3_finalize(statement) }
    guard sqlite3_step(statement) == SQLITE_ROW else { throw StoreError.backend("no row: \(sql)") }
    return sqlite3_column_int64(statement, 0)
}
