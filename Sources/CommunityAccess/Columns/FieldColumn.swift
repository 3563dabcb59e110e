public import CommunityModel
import Dispatch
import Synchronization

/// One field of every record of an object, dictionary-encoded: per record position
/// (``RecordHandle/position``) a small number standing for the record's value, and the
/// distinct values those numbers stand for. What a report walks instead of the records
/// themselves (``AccessSnapshot/columns(of:fields:)``).
///
/// Number 0 means "no value" (the field is empty, or the position holds no live record of the
/// object); number `n > 0` means `values[n - 1]`. Values are numbered in the order first met
/// and a number never changes meaning while ``numbering`` stays the same: keeping a column
/// current after a change only appends values, so facts derived per number can be kept too.
public struct FieldColumn: Sendable {
    /// The object whose records the column holds.
    public let object: EntityType
    /// The field read on each record (``Record/value(of:)``).
    public let field: String
    /// Per record position, the number of the record's value (0 for none).
    public private(set) var ids: [UInt32]
    /// The distinct values, numbered from 1 in the order first met.
    public private(set) var values: [FieldValue]
    /// Which numbering of values the column has: a new one for every column built afresh and
    /// for every update that numbered a new value (``sharedValues(with:)`` says how many values
    /// two numberings of one lineage share).
    public private(set) var numbering: UInt64
    private var numbers: [FieldValue: UInt32] = [:]
    /// Earlier numberings this column's values extend, with how many values each had (the last
    /// few).
    private var ancestry: [Ancestor] = []
    /// Whether the next new value starts a new numbering (set while a kept column is updated).
    private var forks = false

    private struct Ancestor: Sendable {
        var numbering: UInt64
        var count: Int
    }

    /// How many leading values this column has in common with a column whose numbering is
    /// `numbering` (every value that column had, when it is this column or one it was updated
    /// from), or `nil` when they are not known to share any: facts derived per value of that
    /// column hold for that many values of this one.
    public func sharedValues(with numbering: UInt64) -> Int? {
        if numbering == self.numbering { return values.count }
        return ancestry.last { $0.numbering == numbering }?.count
    }

    /// Marks the column as a copy being updated: a value numbered from now on gives it a new
    /// numbering, so that two updates of one kept column never share a numbering.
    mutating func startUpdate() { forks = true }

    init(object: EntityType, field: String, positions: Int) {
        self.object = object
        self.field = field
        ids = Array(repeating: 0, count: positions)
        values = []
        numbering = fieldColumnNumberings.add(1, ordering: .relaxed).newValue
    }

    /// The value a number stands for (`nil` for 0 and unknown numbers).
    public func value(_ id: UInt32) -> FieldValue? {
        let n = Int(id)
        return n > 0 && n <= values.count ? values[n - 1] : nil
    }

    /// The number of the value at `position` (0 past the end).
    public func id(at position: Int) -> UInt32 { position >= 0 && position < ids.count ? ids[position] : 0 }

    /// Sets the value at `position`, growing the column when needed.
    mutating func set(_ position: Int, to value: FieldValue?) {
        guard position >= 0 else { return }
        if position >= ids.count { ids += Array(repeating: 0, count: position + 1 - ids.count) }
        guard let value else {
            ids[position] = 0
            return
        }
        if let known = numbers[value] {
            ids[position] = known
            return
        }
        if forks {
            ancestry.append(Ancestor(numbering: numbering, count: values.count))
            if ancestry.count > 16 { ancestry.removeFirst() }
            numbering = fieldColumnNumberings.add(1, ordering: .relaxed).newValue
            forks = false
        }
        values.append(value)
        let n = UInt32(truncatingIfNeeded: values.count)
        numbers[value] = n
        ids[position] = n
    }

    /// Grows the column to `positions` entries (new positions hold no value).
    mutating func grow(to positions: Int) {
        if positions > ids.count { ids += Array(repeating: 0, count: positions - ids.count) }
    }
}

/// Hands out ``FieldColumn/numbering`` values.
private let fieldColumnNumberings = Atomic<UInt64>(0)

/// What a column is kept under with a snapshot (and carried to later ones).
struct FieldColumnKey: Hashable, Sendable {
    var object: EntityType
    var field: String
}

extension AccessSnapshot {
    /// Columns of `fields` of every live record of `object` (``FieldColumn``), in the order
    /// asked, or `nil` for an object the engine does not know.
    ///
    /// A column is kept with the snapshot, so later calls on it cost a lookup; on a snapshot
    /// published after changes, the column kept for an earlier snapshot of the same engine is
    /// brought up to date with the records that changed in between (the lineage journal,
    /// ``carriedAnswer(_:as:maximumChanges:)``), and built afresh from the records only when
    /// the changes in between are no longer known. Missing columns are built in one pass per
    /// field, the fields on all cores.
    public func columns(of object: EntityType, fields: [String]) -> [FieldColumn]? {
        guard let o = state.objects.id(object), Int(o) < state.recordsByObject.count else { return nil }
        let positions = state.rows.count
        var out: [FieldColumn?] = Array(repeating: nil, count: fields.count)
        var missing: [Int] = []
        for (k, field) in fields.enumerated() {
            let key = FieldColumnKey(object: object, field: field)
            if let kept = memo.value(SnapshotMemo.Key(value: key)) as? FieldColumn {
                out[k] = kept
            } else if let (kept, changes) = carriedAnswer(key, as: FieldColumn.self, maximumChanges: ChangeJournal.maximumRecords) {
                var column = kept
                column.startUpdate()
                for change in changes.records where change.object == object {
                    column.set(change.handle.position, to: change.after?.value(of: field))
                }
                column.grow(to: positions)
                out[k] = column
                keep(column, for: key)
            } else {
                missing.append(k)
            }
        }
        if !missing.isEmpty {
            let list = state.recordsByObject[Int(o)]
            let (rows, entities) = (state.rows, state.entities)
            let built = Mutex<[Int: FieldColumn]>([:])
            let missing = missing
            DispatchQueue.concurrentPerform(iterations: missing.count) { m in
                let field = fields[missing[m]]
                var column = FieldColumn(object: object, field: field, positions: positions)
                for i in list where rows[Int(i)].alive {
                    column.set(Int(i), to: entities[Int(i)].record.value(of: field))
                }
                built.withLock { $0[m] = column }
            }
            let columns = built.withLock { $0 }
            for (m, k) in missing.enumerated() {
                guard let column = columns[m] else { continue }
                out[k] = column
                keep(column, for: FieldColumnKey(object: object, field: fields[k]))
            }
        }
        let complete = out.compactMap { $0 }
        return complete.count == fields.count ? complete : nil
    }

    private func keep(_ column: FieldColumn, for key: FieldColumnKey) {
        memo.store(column, for: SnapshotMemo.Key(value: key))
        carry(column, for: key)
    }

    /// The record a handle stands for in this snapshot, or `nil` when it holds none.
    public func record(_ handle: RecordHandle) -> (any Record)? {
        let i = Int(handle.index)
        guard i < state.rows.count, state.rows[i].alive else { return nil }
        return state.entities[i].record
    }
}

extension RecordHandle {
    /// The handle as a position in per-record columns (``FieldColumn/ids``).
    public var position: Int { Int(index) }
}
