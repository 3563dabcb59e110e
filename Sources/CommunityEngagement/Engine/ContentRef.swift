public import CommunityModel

/// Points at one piece of member content (for flags, history, notifications and the audit log).
public enum ContentRef: Hashable, Sendable, Codable, CustomStringConvertible {
    case item(ID<FeedItem>)
    case comment(ID<Comment>)
    case question(ID<Question>)
    case answer(ID<Answer>)
    case idea(ID<Idea>)
    /// A member's name (screened by moderation rules).
    case member(ID<User>)
    /// A group (its name, description).
    case group(ID<CommunityGroup>)

    /// The referenced id as a string.
    public var rawID: String {
        switch self {
        case .item(let i): i.rawValue
        case .comment(let i): i.rawValue
        case .question(let i): i.rawValue
        case .answer(let i): i.rawValue
        case .idea(let i): i.rawValue
        case .member(let i): i.rawValue
        case .group(let i): i.rawValue
        }
    }

    public var description: String {
        switch self {
        case .item: "item:\(rawID)"
        case .comment: "comment:\(rawID)"
        case .question: "question:\(rawID)"
        case .answer: "answer:\(rawID)"
        case .idea: "idea:\(rawID)"
        case .member: "member:\(rawID)"
        case .group: "group:\(rawID)"
        }
    }
}
