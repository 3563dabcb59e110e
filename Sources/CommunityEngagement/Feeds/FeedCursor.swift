/// Where the next page of a feed starts: items older than this position. Positions grow with
/// every post, so new posts never shift a page a reader is walking through.
public struct FeedCursor: Hashable, Sendable, Codable, CustomStringConvertible {
    let position: Int32

    init(position: Int32) { self.position = position }

    /// Parses the string form a client sent back (`nil` when malformed).
    public init?(_ text: String) {
        guard text.hasPrefix("c"), let p = Int32(text.dropFirst()), p >= 0 else { return nil }
        position = p
    }

    /// The string form to hand to clients.
    public var description: String { "c\(position)" }
}

/// One page of a feed, newest first.
public struct FeedPage: Sendable {
    /// The items the viewer may see.
    public var items: [FeedItem]
    /// Where the next page starts; `nil` at the end.
    public var next: FeedCursor?
}
