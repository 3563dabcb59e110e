/// The tables a ``SQLiteStore`` keeps, all prefixed `ck_`.
///
/// - `ck_meta`: the schema version, and the last change sequence and transaction id as of
///   the last prune (commits do not update it: the newest `ck_changes` row is the truth).
/// - `ck_entities`: one row per entity: type name, id, version and the body
///   (``EntityBody``: a version byte and compact binary; JSON in rows from schema 1), and for
///   records `access`: their ``RecordAccessFields``, written with the body, so that an access
///   engine builds from them without decoding bodies (NULL for other entities, and for rows
///   of types the store's registry does not know that were written before schema 4), and
///   `seq`: the feed sequence of the change that wrote the row (NULL in rows written before
///   schema 5).
/// - `ck_fields`: the (type, field) pairs that have index rows, each with a small integer
///   `slot`, given when a pair is first written and never reused.
/// - `ck_index`: one row per indexed field value: its pair's slot, its lookup key
///   (``IndexKey``), the entity id, and its exact value (``IndexValueCodec``, for ranges) or
///   NULL when that is the key itself (ASCII text, picklists, references, dates, checkboxes).
///   There is no second index by entity: an update or delete removes the old rows by their
///   keys, computed from the old body.
/// - `ck_changes`: the change feed, one row per change, and (in `idx`) the change's
///   ``IndexDelta`` while it is not yet applied to `ck_index`. A put's feed row has no body
///   (NULL) while the entity's row still holds that version (the row's `seq` is the change's
///   sequence): a reader takes the body from there. Before a row that a bodiless feed row
///   points to is replaced or deleted, its body is copied into that feed row
///   (``keepFeedBody``), in the same transaction, so every change reads back as it was.
///   A put superseded inside its own transaction carries its body in the feed row.
/// - `ck_meta` key `indexed`: the sequence through which `ck_index` is up to date. Rows of
///   entities changed after it may be stale or missing; readers take those entities'
///   ids from the feed as extra query candidates (see ``SQLiteReader``).
///
/// Schema 1 (JSON bodies, an index by entity, meta rows updated on every commit) is migrated
/// in place when opened: the by-entity index is dropped; bodies stay as they are and are
/// rewritten compact when next written. Schema 2 (index rows written by every commit) gains
/// the `idx` column and an `indexed` entry at its committed sequence. Schema 3 gains the
/// `access` column; ``SQLiteStore`` fills it for the registry's record types in batches of
/// ``SQLiteStore/accessFillBatch`` rows, one transaction each, and sets `access_filled` when
/// done, so a failure part-way leaves a usable file (rows still without access fields are
/// decoded when loaded) and the next open carries on. Schema 4 gains the `seq` column (NULL in
/// its rows, whose feed rows all carry their bodies). Schema 5's `ck_index` (type and field
/// as text in every row, the value always stored) is rebuilt in the schema 6 form, in key
/// order, inside the opening transaction.
enum SQLiteSchema {
    static let version: Int64 = 6

    static let create = """
        CREATE TABLE IF NOT EXISTS ck_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS ck_entities(
            type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, body BLOB NOT NULL, access BLOB,
            seq INTEGER, PRIMARY KEY(type, id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS ck_fields(
            slot INTEGER PRIMARY KEY, type TEXT NOT NULL, field TEXT NOT NULL, UNIQUE(type, field));
        CREATE TABLE IF NOT EXISTS ck_index(
            slot INTEGER NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL, value TEXT, PRIMARY KEY(slot, key, id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS ck_changes(
            sequence INTEGER PRIMARY KEY, tx INTEGER NOT NULL, type TEXT NOT NULL, id TEXT NOT NULL,
            kind TEXT NOT NULL, version INTEGER NOT NULL, body BLOB, idx BLOB);
        INSERT OR IGNORE INTO ck_meta(key, value) VALUES ('schema', 6), ('sequence', 0), ('transaction', 0), ('indexed', 0),
            ('access_filled', 1);
        """

    /// Turns a schema 1 store into schema 2 (run inside the opening transaction).
    static let migrateFrom1 = """
        DROP INDEX IF EXISTS ck_index_by_entity;
        UPDATE ck_meta SET value = 2 WHERE key = 'schema';
        """

    /// Turns a schema 2 store into schema 3 (run inside the opening transaction): every
    /// committed change is already in `ck_index`.
    static let migrateFrom2 = """
        ALTER TABLE ck_changes ADD COLUMN idx BLOB;
        INSERT OR REPLACE INTO ck_meta(key, value) VALUES ('indexed', (\(committedSequence)));
        UPDATE ck_meta SET value = 3 WHERE key = 'schema';
        """

    /// Turns a schema 3 store into schema 4 (run inside the opening transaction): records
    /// gain the `access` column, empty until ``SQLiteStore`` fills it in batches after the
    /// opening transaction (`access_filled` 0 until every batch has committed).
    static let migrateFrom3 = """
        ALTER TABLE ck_entities ADD COLUMN access BLOB;
        INSERT OR REPLACE INTO ck_meta(key, value) VALUES ('access_filled', 0);
        UPDATE ck_meta SET value = 4 WHERE key = 'schema';
        """

    /// Turns a schema 4 store into schema 5 (run inside the opening transaction): rows gain
    /// the `seq` column, NULL in every existing row (their feed rows all carry their bodies).
    static let migrateFrom4 = """
        ALTER TABLE ck_entities ADD COLUMN seq INTEGER;
        UPDATE ck_meta SET value = 5 WHERE key = 'schema';
        """

    /// Turns a schema 5 store into schema 6 (run inside the opening transaction): every
    /// (type, field) pair of `ck_index` gets a slot, in their order, and the rows are copied
    /// into the new table in its key order (the old table's order maps onto it), the value
    /// NULL where it equals the key.
    static let migrateFrom5 = """
        INSERT OR IGNORE INTO ck_fields(type, field) SELECT DISTINCT type, field FROM ck_index ORDER BY type, field;
        CREATE TABLE ck_index_6(
            slot INTEGER NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL, value TEXT, PRIMARY KEY(slot, key, id)) WITHOUT ROWID;
        INSERT INTO ck_index_6(slot, key, id, value)
            SELECT f.slot, i.key, i.id, nullif(i.value, i.key) FROM ck_index AS i
            JOIN ck_fields AS f ON f.type = i.type AND f.field = i.field ORDER BY i.type, i.field, i.key, i.id;
        DROP TABLE ck_index;
        ALTER TABLE ck_index_6 RENAME TO ck_index;
        UPDATE ck_meta SET value = 6 WHERE key = 'schema';
        """

    static let committedSequence = """
        SELECT max(coalesce((SELECT max(sequence) FROM ck_changes), 0),
                   (SELECT value FROM ck_meta WHERE key = 'sequence'))
        """
    static let committedTransaction = """
        SELECT max(coalesce((SELECT tx FROM ck_changes ORDER BY sequence DESC LIMIT 1), 0),
                   (SELECT value FROM ck_meta WHERE key = 'transaction'))
        """

    static let readMeta = "SELECT value FROM ck_meta WHERE key = ?"
    static let writeMeta = "UPDATE ck_meta SET value = ? WHERE key = ?"
    static let getEntity = "SELECT version, body FROM ck_entities WHERE type = ? AND id = ?"
    static let getVersion = "SELECT version FROM ck_entities WHERE type = ? AND id = ?"
    static let allEntities = "SELECT id, version, body FROM ck_entities WHERE type = ? ORDER BY id"
    static let countEntities = "SELECT count(*) FROM ck_entities WHERE type = ?"
    /// Entity rows put, many at once: type, id, version, body, access, seq.
    static let putEntities = SQLiteGroupedInsert.Shape(
        head: "INSERT INTO ck_entities(type, id, version, body, access, seq) VALUES", columns: 6,
        tail: """
             ON CONFLICT(type, id) DO UPDATE SET version = excluded.version, body = excluded.body, access = excluded.access,
                seq = excluded.seq
            """)
    /// Copies an entity row's body into the feed row of the change that wrote it, when that
    /// feed row has none (it read the body from the row): run before the row is replaced or
    /// deleted. Matches nothing for rows from before schema 5 (`seq` NULL) or a pruned change.
    static let keepFeedBody = """
        UPDATE ck_changes SET body = (SELECT body FROM ck_entities WHERE type = ?1 AND id = ?2)
        WHERE sequence = (SELECT seq FROM ck_entities WHERE type = ?1 AND id = ?2) AND body IS NULL AND kind <> 'deleted'
        """
    /// Every row of a type with its access fields, undecoded, for bulk loading.
    static let encodedEntities = "SELECT id, body, access FROM ck_entities WHERE type = ? ORDER BY id"
    /// Rows of a type still without access fields, after an id, for the schema 4 fill.
    static let unfilledAccess = """
        SELECT id, body FROM ck_entities WHERE type = ? AND id > ? AND access IS NULL ORDER BY id LIMIT ?
        """
    static let fillAccess = "UPDATE ck_entities SET access = ? WHERE type = ? AND id = ?"
    static let distinctTypes = "SELECT DISTINCT type FROM ck_entities"
    static let deleteEntity = "DELETE FROM ck_entities WHERE type = ? AND id = ?"
    /// Every index row of one entity, by a scan of its type's slots: only for an old body
    /// that no longer decodes, whose keys cannot be computed.
    static let deleteIndexScan = "DELETE FROM ck_index WHERE slot IN (SELECT slot FROM ck_fields WHERE type = ?) AND id = ?"
    static let deleteIndexRow = "DELETE FROM ck_index WHERE slot = ? AND key = ? AND id = ?"
    static let putIndex = "INSERT OR REPLACE INTO ck_index(slot, key, id, value) VALUES (?, ?, ?, ?)"
    /// ``putIndex``, many rows at once.
    static let putIndexRows = SQLiteGroupedInsert.Shape(head: "INSERT OR REPLACE INTO ck_index(slot, key, id, value) VALUES", columns: 4)
    static let fieldSlot = "SELECT slot FROM ck_fields WHERE type = ? AND field = ?"
    static let addFieldSlot = "INSERT INTO ck_fields(type, field) VALUES (?, ?) RETURNING slot"
    /// The slot of a (type, field) pair, in queries (NULL, matching nothing, when the pair has no rows).
    private static let slotOf = "(SELECT slot FROM ck_fields WHERE type = ?1 AND field = ?2)"
    static let byKey = """
        SELECT e.id, e.version, e.body FROM ck_index AS i
        JOIN ck_entities AS e ON e.type = ?1 AND e.id = i.id
        WHERE i.slot = \(slotOf) AND i.key = ?3
        """
    static let countKey = "SELECT count(*) FROM ck_index WHERE slot = \(slotOf) AND key = ?3"
    static let byField = """
        SELECT coalesce(i.value, i.key), e.id, e.version, e.body FROM ck_index AS i
        JOIN ck_entities AS e ON e.type = ?1 AND e.id = i.id
        WHERE i.slot = \(slotOf)
        """
    /// Feed rows, many at once: sequence, tx, type, id, kind, version, body, idx.
    static let appendChanges = SQLiteGroupedInsert.Shape(
        head: "INSERT INTO ck_changes(sequence, tx, type, id, kind, version, body, idx) VALUES", columns: 8)
    /// The unapplied index deltas, in feed order (rows after the `indexed` sequence).
    static let pendingDeltas = "SELECT sequence, type, id, idx FROM ck_changes WHERE sequence > ? ORDER BY sequence"
    /// Ids of one type changed after the `indexed` sequence: extra query candidates.
    static let changedSince = "SELECT DISTINCT id FROM ck_changes WHERE sequence > ? AND type = ?"
    static let countChangedSince = "SELECT count(*) FROM ck_changes WHERE sequence > ?"
    /// Feed rows after a sequence; a put's body comes from the entity's row when the feed row
    /// has none (the row's `seq` names the change).
    static let readChanges = """
        SELECT c.sequence, c.tx, c.type, c.id, c.kind, c.version, coalesce(c.body, e.body) FROM ck_changes AS c
        LEFT JOIN ck_entities AS e ON c.body IS NULL AND e.type = c.type AND e.id = c.id AND e.seq = c.sequence
        WHERE c.sequence > ? ORDER BY c.sequence LIMIT ?
        """
    static let pruneChanges = "DELETE FROM ck_changes WHERE sequence <= ?"
}
