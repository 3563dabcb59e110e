/// What a search reads: the segments and which of their documents are deleted.
/// An immutable value; writers publish a new one.
struct IndexState: Sendable {
    var segments: [IndexSegment] = []
    /// Per segment: deleted flags (copy-on-write per segment).
    var deleted: [[Bool]] = []
    /// Per segment: how many of its documents are deleted (0 lets a search skip the flags).
    var deletedCounts: [Int] = []
    var liveCount: Int = 0
}

/// Where a document lives, for the writer.
struct DocumentLocation: Sendable {
    var segment: Int  // segment uid
    var local: Int32
}
