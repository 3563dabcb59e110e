public import Foundation

/// A question in a list.
public struct QuestionSummary: Sendable, Hashable {
    /// The question's id.
    public var id: String
    /// The title.
    public var title: String
    /// The asker's public name.
    public var author: String
    /// Answers so far.
    public var answerCount: Int
    /// Whether a best answer was chosen.
    public var isSolved: Bool
    /// Topic names.
    public var topics: [String]
    /// When asked.
    public var asked: Date?

    /// A summary.
    public init(id: String, title: String, author: String, answerCount: Int = 0, isSolved: Bool = false, topics: [String] = [], asked: Date? = nil) {
        self.id = id
        self.title = title
        self.author = author
        self.answerCount = answerCount
        self.isSolved = isSolved
        self.topics = topics
        self.asked = asked
    }
}

/// A question with its answers.
public struct QuestionView: Sendable, Hashable {
    /// An answer.
    public struct Answer: Sendable, Hashable {
        /// The author's public name.
        public var author: String
        /// The text.
        public var body: RichText
        /// Whether it is the best answer.
        public var isBest: Bool

        /// An answer.
        public init(author: String, body: RichText, isBest: Bool = false) {
            self.author = author
            self.body = body
            self.isBest = isBest
        }
    }

    /// The list fields.
    public var summary: QuestionSummary
    /// The question's text.
    public var body: RichText
    /// Answers, best first.
    public var answers: [Answer]
    /// The case the question escalated into, if the viewer may see it.
    public var caseID: String?

    /// A question.
    public init(summary: QuestionSummary, body: RichText, answers: [Answer], caseID: String? = nil) {
        self.summary = summary
        self.body = body
        self.answers = answers
        self.caseID = caseID
    }
}

/// An idea with its score.
public struct IdeaSummary: Sendable, Hashable {
    /// The idea's id.
    public var id: String
    /// The title.
    public var title: String
    /// Net votes.
    public var score: Int
    /// Its status (`new`, `underReview`, `planned`, `delivered`).
    public var status: String
    /// Whether the viewer already voted.
    public var viewerVoted: Bool

    /// An idea.
    public init(id: String, title: String, score: Int, status: String, viewerVoted: Bool = false) {
        self.id = id
        self.title = title
        self.score = score
        self.status = status
        self.viewerVoted = viewerVoted
    }
}

/// A feed post.
public struct FeedItemView: Sendable, Hashable {
    /// The author's public name.
    public var author: String
    /// The text.
    public var body: RichText
    /// When posted.
    public var posted: Date?

    /// A post.
    public init(author: String, body: RichText, posted: Date? = nil) {
        self.author = author
        self.body = body
        self.posted = posted
    }
}

/// A group in a list.
public struct GroupSummary: Sendable, Hashable {
    /// The group's id.
    public var id: String
    /// The name.
    public var name: String
    /// Members.
    public var memberCount: Int
    /// `public`, `private` or `unlisted`.
    public var access: String

    /// A group.
    public init(id: String, name: String, memberCount: Int, access: String) {
        self.id = id
        self.name = name
        self.memberCount = memberCount
        self.access = access
    }
}

/// A row of a reputation leaderboard.
public struct LeaderEntry: Sendable, Hashable {
    /// The member's public name.
    public var name: String
    /// Points.
    public var points: Int
    /// The reputation level's name.
    public var level: String

    /// An entry.
    public init(name: String, points: Int, level: String) {
        self.name = name
        self.points = points
        self.level = level
    }
}

/// A member's public profile.
public struct MemberProfile: Sendable, Hashable {
    /// The member's id (the profile page parameter).
    public var id: String
    /// The public name (nickname).
    public var name: String
    /// Title or role text.
    public var title: String?
    /// The company, when the viewer may see it.
    public var company: String?
    /// Reputation points.
    public var points: Int?

    /// A profile.
    public init(id: String, name: String, title: String? = nil, company: String? = nil, points: Int? = nil) {
        self.id = id
        self.name = name
        self.title = title
        self.company = company
        self.points = points
    }
}

/// Questions, ideas, feeds, groups, reputation and members, as the viewer may see them.
/// Each method has a default that reports nothing, so a host implements what it has.
public protocol EngagementProvider: Sendable {
    /// Recent questions, optionally of a topic.
    func questions(topic: String?, viewer: Viewer, limit: Int) throws -> [QuestionSummary]
    /// One question; `nil` when missing or not visible.
    func question(id: String, viewer: Viewer) throws -> QuestionView?
    /// Ideas by score.
    func ideas(viewer: Viewer, limit: Int) throws -> [IdeaSummary]
    /// The viewer's feed.
    func feed(viewer: Viewer, limit: Int) throws -> [FeedItemView]
    /// Groups the viewer may see.
    func groups(viewer: Viewer, limit: Int) throws -> [GroupSummary]
    /// The reputation leaderboard.
    func leaderboard(viewer: Viewer, limit: Int) throws -> [LeaderEntry]
    /// One member's profile; `nil` when missing or hidden.
    func member(id: String, viewer: Viewer) throws -> MemberProfile?
    /// The member directory.
    func members(viewer: Viewer, limit: Int) throws -> [MemberProfile]
}

extension EngagementProvider {
    /// None.
    public func questions(topic: String?, viewer: Viewer, limit: Int) throws -> [QuestionSummary] { [] }
    /// None.
    public func question(id: String, viewer: Viewer) throws -> QuestionView? { nil }
    /// None.
    public func ideas(viewer: Viewer, limit: Int) throws -> [IdeaSummary] { [] }
    /// None.
    public func feed(viewer: Viewer, limit: Int) throws -> [FeedItemView] { [] }
    /// None.
    public func groups(viewer: Viewer, limit: Int) throws -> [GroupSummary] { [] }
    /// None.
    public func leaderboard(viewer: Viewer, limit: Int) throws -> [LeaderEntry] { [] }
    /// None.
    public func member(id: String, viewer: Viewer) throws -> MemberProfile? { nil }
    /// None.
    public func members(viewer: Viewer, limit: Int) throws -> [MemberProfile] { [] }
}
