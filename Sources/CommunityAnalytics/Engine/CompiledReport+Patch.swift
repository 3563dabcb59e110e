import CommunityAccess
import CommunityModel

extension CompiledReport {
    /// The most changed records a kept tally is patched with; past that a run walks.
    static let maximumPatchedChanges = 4_096

    /// `kept`, a tally collected on an earlier snapshot, brought up to `snapshot` by taking out
    /// each changed record's contribution as it was and adding its contribution as it is; `nil`
    /// when that cannot give exactly what ``tally(in:)`` would, and the caller walks:
    ///
    /// - A result `shared` by everyone who reads every record of the object (no lookups): the
    ///   records visited are all live records before and after, so any change can be patched,
    ///   sharing changes included.
    /// - A result for one viewer: only while no change in between could have altered who reads
    ///   what (``SnapshotChanges/sharingNeutral``), and no record of an object the report looks
    ///   up changed (every record pointing at it would show another value).
    /// - A minimum or maximum losing its only extreme value, and detail rows that lose a row
    ///   while more records match than the kept rows hold, need the records themselves: walk.
    func patched(_ kept: ReportTally, changes: SnapshotChanges, in snapshot: AccessSnapshot, shared: Bool) -> ReportTally? {
        let object = definition.object
        if !shared {
            guard changes.sharingNeutral else { return nil }
            let related = Set(fields.compactMap(\.relatedObject))
            if !related.isEmpty, changes.records.contains(where: { related.contains($0.object) }) { return nil }
        }
        let relevant = changes.records.filter { $0.object == object }
        guard !relevant.isEmpty else { return kept }
        var tally = kept
        let reader = FieldReader(snapshot: snapshot, user: user, fields: fields)
        let template = Accumulator(summaries.count)
        let wantsRows = !columns.isEmpty
        var additions: [ReportRow] = []
        var removals: [RecordHandle] = []
        for change in relevant {
            // Shared: every live record is visited. Per viewer: nothing that decides visibility
            // changed, so the record is visible before exactly when it is now.
            let visible = shared || snapshot.isVisible(change.handle, to: user)
            var removed = false, added = false
            if visible, let before = change.before, let path = leafPath(of: before, reader) {
                guard var leaf = tally.leaves[path], leaf.remove(summaries, reader, before) else { return nil }
                tally.leaves[path] = leaf.count == 0 ? nil : leaf
                tally.matched -= 1
                removed = true
            }
            var values: [FieldValue?] = []
            if visible, let after = change.after, let path = leafPath(of: after, reader) {
                tally.leaves[path, default: template].add(summaries, reader, after)
                tally.matched += 1
                added = true
                if wantsRows { values = columns.map { reader.value($0, of: after) } }
            }
            guard wantsRows else { continue }
            if removed, added {
                // Still a match: its row (if shown) stays where it is with the new values.
                let position = tally.rowPosition(change.handle)
                if position.found { tally.rows[position.index].values = values }
            } else if removed {
                removals.append(change.handle)
            } else if added {
                additions.append(ReportRow(handle: change.handle, values: values))
            }
        }
        guard wantsRows else { return tally }
        for handle in removals {
            let position = tally.rowPosition(handle)
            if position.found { tally.rows.remove(at: position.index) }
        }
        // The rows left are the first of the records that still match only if none is missing
        // from the end; otherwise the record after the last kept row is unknown.
        guard tally.rows.count >= min(rowLimit, tally.matched - additions.count) else { return nil }
        for row in additions {
            guard tally.rows.count < rowLimit || (tally.rows.last.map { row.handle < $0.handle } ?? true) else { continue }
            tally.rows.insert(row, at: tally.rowPosition(row.handle).index)
            if tally.rows.count > rowLimit { tally.rows.removeLast() }
        }
        return tally
    }

    /// The leaf group a record falls in, or `nil` when the filter leaves it out.
    func leafPath(of record: any Record, _ reader: FieldReader) -> GroupPath? {
        if let filter, !filter.matches({ reader.value($0, of: record) }) { return nil }
        var path = GroupPath()
        for level in groupings.indices {
            let grouping = groupings[level]
            path[level] = ReportKey.of(reader.value(grouping.field, of: record), bucket: grouping.bucket)
        }
        return path
    }
}
