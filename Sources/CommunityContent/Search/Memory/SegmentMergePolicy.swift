/// Which of the newest segments a write merges: a tiered policy. Segments of about the same size
/// are merged ``width`` at a time, so a document is copied about once per level (log₄ of the
/// index's size in writes) instead of once per doubling, and the index keeps at most
/// `width - 1` segments per level (O(log n) in all).
enum SegmentMergePolicy {
    /// How many segments of a level one merge takes.
    static let width = 4
    /// The tail is merged when its oldest segment holds at most this many times the live documents
    /// of its newest (segments of one level, or a big write after smaller ones).
    static let sizeRatio = 2
    /// Above this many segments the two newest are merged whatever their sizes (writes of very
    /// uneven sizes would otherwise never make a level).
    static let maxSegments = 24

    /// How many of the newest segments to merge now, given every segment's live documents (oldest
    /// first); nil when none. Asked again after each merge until nil.
    static func tailMergeCount(live: [Int]) -> Int? {
        let n = live.count
        guard n >= 2 else { return nil }
        // An older segment whose documents are all deleted goes with the next merge at once.
        if live[n - 2] == 0 { return 2 }
        if n >= width, live[n - width] <= sizeRatio * live[n - 1] { return width }  // trap-safe: live counts are at most the documents held
        if n > maxSegments { return 2 }
        return nil
    }
}
