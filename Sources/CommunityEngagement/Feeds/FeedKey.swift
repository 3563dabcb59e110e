public import CommunityModel

/// Names one feed: a member's, a record's, a topic's, a group's or a question's.
/// Members follow feeds by these keys; a home feed merges the feeds a member follows.
public enum FeedKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What a member posts (and what is posted on their profile).
    case member(ID<User>)
    /// Posts on a CRM record.
    case record(RecordRef)
    /// Posts filed under a topic (topics compare case-insensitively).
    case topic(String)
    /// A group's feed.
    case group(ID<CommunityGroup>)
    /// A question's activity (answers), for followers of the question.
    case question(ID<Question>)

    /// A topic key with the topic folded, so `Swift` and `swift` are one feed.
    public static func topicKey(_ topic: String) -> FeedKey { .topic(Topics.normalise(topic)) }

    public var description: String {
        switch self {
        case .member(let id): "member:\(id)"
        case .record(let r): "record:\(r)"
        case .topic(let t): "topic:\(t)"
        case .group(let g): "group:\(g)"
        case .question(let q): "question:\(q)"
        }
    }
}

/// Topic name handling.
public enum Topics {
    /// The folded form of a topic name: trimmed, lower-cased, inner white space collapsed.
    public static func normalise(_ topic: String) -> String {
        if isNormalisedASCII(topic) { return topic }  // the usual case: nothing to fold
        return topic.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    /// Whether `topic` is lower-case ASCII letters, digits, `-`, `_` and `.` in words
    /// separated by single spaces, so that folding would return it unchanged.
    static func isNormalisedASCII(_ topic: String) -> Bool {
        var afterSpace = true  // no leading space
        for byte in topic.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                afterSpace = false
            case UInt8(ascii: " ") where !afterSpace:
                afterSpace = true
            default:
                return false
            }
        }
        return !afterSpace  // not empty, no trailing space
    }
}
