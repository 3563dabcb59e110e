/// The tables a ``PostgresStore`` keeps in its own PostgreSQL schema (namespace), all
/// prefixed `ck_`, and the SQL it runs. Every value is a `$n` parameter.
///
/// - `ck_head`: one row: the last change sequence and the last transaction id. Committing
///   writers update it last, which serialises the moment they take sequence numbers (see
///   ``PostgresStore``).
/// - `ck_entities`: one row per entity: type name, id, version and the JSON body.
/// - `ck_index`: one row per indexed field value: its lookup key (``PostgresIndexKey``) and
///   the entity id; B-tree indexes answer equality and `oneOf` lookups, and which entities
///   have a field at all (for ranges and ordering).
/// - `ck_changes`: the change feed, one row per change, with the entity's JSON.
enum PostgresSchema {
    static let version = "1"

    static func create(_ schema: String) -> String {
        """
        CREATE SCHEMA IF NOT EXISTS "\(schema)";
        CREATE TABLE IF NOT EXISTS "\(schema)".ck_meta(key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE IF NOT EXISTS "\(schema)".ck_head(
            id integer PRIMARY KEY CHECK (id = 1), sequence bigint NOT NULL, tx bigint NOT NULL);
        CREATE TABLE IF NOT EXISTS "\(schema)".ck_entities(
            type text NOT NULL, id text NOT NULL, version bigint NOT NULL, body text NOT NULL,
            PRIMARY KEY(type, id));
        CREATE TABLE IF NOT EXISTS "\(schema)".ck_index(
            type text NOT NULL, field text NOT NULL, key text NOT NULL, id text NOT NULL,
            PRIMARY KEY(type, field, key, id));
        CREATE INDEX IF NOT EXISTS ck_index_by_entity ON "\(schema)".ck_index(type, id);
        CREATE TABLE IF NOT EXISTS "\(schema)".ck_changes(
            sequence bigint PRIMARY KEY, tx bigint NOT NULL, type text NOT NULL, id text NOT NULL,
            kind text NOT NULL, version bigint NOT NULL, body text,
            committed_at timestamptz NOT NULL DEFAULT clock_timestamp());
        INSERT INTO "\(schema)".ck_head(id, sequence, tx) VALUES (1, 0, 0) ON CONFLICT (id) DO NOTHING;
        INSERT INTO "\(schema)".ck_meta(key, value) VALUES ('schema', '\(version)') ON CONFLICT (key) DO NOTHING;
        """
    }

    static let readMeta = "SELECT value FROM ck_meta WHERE key = $1"
    static let readHead = "SELECT sequence, tx FROM ck_head WHERE id = 1"
    /// Takes the head row's lock (held to COMMIT) and reserves `$1` sequence numbers.
    static let advanceHead = "UPDATE ck_head SET sequence = sequence + $1, tx = tx + 1 WHERE id = 1 RETURNING sequence, tx"

    static let getEntity = "SELECT version, body FROM ck_entities WHERE type = $1 AND id = $2"
    /// A read inside a write locks the row, so a read-modify-write on one host cannot lose
    /// an update another host commits meanwhile.
    static let getEntityForUpdate = "SELECT version, body FROM ck_entities WHERE type = $1 AND id = $2 FOR UPDATE"
    static let getVersion = "SELECT version FROM ck_entities WHERE type = $1 AND id = $2"
    static let allEntities = "SELECT id, version, body FROM ck_entities WHERE type = $1 ORDER BY id COLLATE \"C\""
    static let countEntities = "SELECT count(*) FROM ck_entities WHERE type = $1"

    static let putAny = """
        INSERT INTO ck_entities(type, id, version, body) VALUES ($1, $2, 1, $3)
        ON CONFLICT (type, id) DO UPDATE SET version = ck_entities.version + 1, body = EXCLUDED.body
        RETURNING version
        """
    static let putAbsent = """
        INSERT INTO ck_entities(type, id, version, body) VALUES ($1, $2, 1, $3)
        ON CONFLICT (type, id) DO NOTHING RETURNING version
        """
    static let putExactly = """
        UPDATE ck_entities SET version = version + 1, body = $3
        WHERE type = $1 AND id = $2 AND version = $4 RETURNING version
        """
    static let deleteAny = "DELETE FROM ck_entities WHERE type = $1 AND id = $2 RETURNING version"
    static let deleteExactly = "DELETE FROM ck_entities WHERE type = $1 AND id = $2 AND version = $3 RETURNING version"
    static let deleteIndex = "DELETE FROM ck_index WHERE type = $1 AND id = $2"

    /// Inserts `rows` index rows: `($1, $2)` are type and id, then field and key per row.
    static func insertIndex(rows: Int) -> String {
        let tuples = (0..<rows).map { r in "($1, $\(3 + r * 2), $\(4 + r * 2), $2)" }
        return "INSERT INTO ck_index(type, field, key, id) VALUES " + tuples.joined(separator: ", ")
    }

    /// Appends `rows` changes: `$1` is the transaction id, then sequence, type, id, kind,
    /// version and body per row.
    static func appendChanges(rows: Int) -> String {
        let tuples = (0..<rows).map { r in
            let b = 2 + r * 6
            return "($\(b)::bigint, $1::bigint, $\(b + 1), $\(b + 2), $\(b + 3), $\(b + 4)::bigint, $\(b + 5))"
        }
        return "INSERT INTO ck_changes(sequence, tx, type, id, kind, version, body) VALUES " + tuples.joined(separator: ", ")
    }

    static let notify = "SELECT pg_notify($1, $2)"
    static let readChanges = """
        SELECT sequence, tx, type, id, kind, version, body FROM ck_changes
        WHERE sequence > $1 ORDER BY sequence LIMIT $2
        """
    static let pruneChanges = "DELETE FROM ck_changes WHERE sequence <= $1"

    /// Query candidates: entities of type `$1`, narrowed by the conditions appended.
    static let candidates = "SELECT e.id, e.version, e.body FROM ck_entities AS e WHERE e.type = $1"
}
