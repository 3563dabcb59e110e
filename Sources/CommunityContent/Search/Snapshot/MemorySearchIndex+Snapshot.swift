public import Foundation

extension MemorySearchIndex {
    /// The live documents with their analysed terms, labelled with the store feed `sequence`
    /// they include (the caller knows it: it is what the indexers feeding this index have
    /// applied). Readers and writers are not blocked while the snapshot is assembled.
    public func snapshot(sequence: UInt64, writtenAt: Date) -> SearchIndexSnapshot {
        let current = currentState()
        var documents: [AnalyzedDocument] = []
        documents.reserveCapacity(current.liveCount)
        for (s, segment) in current.segments.enumerated() {
            let deleted = current.deleted[s]
            var entries = [[(String, TermFrequency)]](repeating: [], count: segment.count)
            for (t, list) in segment.postings.enumerated() {
                let term = segment.terms[t]
                for p in list where !deleted[Int(p.doc)] { entries[Int(p.doc)].append((term, p.tf)) }
            }
            for d in 0..<segment.count where !deleted[d] {
                documents.append(
                    AnalyzedDocument(
                        document: segment.documents[d], language: segment.languages[d], terms: entries[d],
                        lengths: segment.lengths[d]))
            }
        }
        return SearchIndexSnapshot(sequence: sequence, writtenAt: writtenAt, documents: documents)
    }

    /// Replaces everything in the index with the snapshot's documents, without analysing
    /// their text again. Searches see the old contents or the new, never a mix.
    public func load(_ snapshot: SearchIndexSnapshot) {
        replaceAll(with: snapshot.documents)
    }

    /// Reads the snapshot file at `url` and loads it (``load(_:)``).
    ///
    /// - Throws: what ``SearchIndexSnapshot/init(contentsOf:)`` throws; the index is left as
    ///   it was.
    @discardableResult
    public func loadSnapshot(from url: URL) throws(SearchIndexSnapshotError) -> SearchIndexSnapshot {
        let snapshot = try SearchIndexSnapshot(contentsOf: url)
        load(snapshot)
        return snapshot
    }
}
