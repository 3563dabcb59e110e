/// Points per action, limits against farming, and the levels members climb.
public struct ReputationRules: Hashable, Sendable, Codable {
    /// Actions that earn points.
    public enum Action: String, Hashable, Sendable, Codable, CaseIterable {
        /// Writing a post.
        case post
        /// Writing a comment.
        case comment
        /// Asking a question.
        case question
        /// Answering a question.
        case answer
        /// Someone else liked your post, comment or answer.
        case likeReceived
        /// Your answer was chosen as best.
        case bestAnswer
        /// Someone else voted your idea up.
        case ideaVoteReceived
        /// Submitting an idea.
        case idea
        /// An article you wrote was marked helpful.
        case articleHelpful
    }

    /// Points each action earns.
    public var points: [Action: Int]
    /// The most points one member may earn per day from each action (farming limit).
    public var dailyCaps: [Action: Int]
    /// The most points one member may earn per day in total (`nil`: no limit).
    public var dailyTotalCap: Int?
    /// Levels by ascending threshold.
    public var levels: [ReputationLevel]

    /// Creates rules.
    public init(points: [Action: Int], dailyCaps: [Action: Int] = [:], dailyTotalCap: Int? = nil, levels: [ReputationLevel]) {
        self.points = points
        self.dailyCaps = dailyCaps
        self.dailyTotalCap = dailyTotalCap
        self.levels = levels.sorted { $0.threshold < $1.threshold }
    }

    /// The level for a point total.
    public func level(for points: Int) -> ReputationLevel? { levels.last { $0.threshold <= points } }

    /// Salesforce-like defaults.
    public static let standard = ReputationRules(
        points: [
            .post: 1, .comment: 1, .question: 1, .answer: 5, .likeReceived: 5, .bestAnswer: 20,
            .ideaVoteReceived: 2, .idea: 2, .articleHelpful: 10,
        ],
        dailyCaps: [.post: 20, .comment: 20, .question: 10, .answer: 50, .likeReceived: 100, .ideaVoteReceived: 50],
        dailyTotalCap: 500,
        levels: [
            ReputationLevel(name: "Newcomer", threshold: 0), ReputationLevel(name: "Contributor", threshold: 50),
            ReputationLevel(name: "Regular", threshold: 250), ReputationLevel(name: "Expert", threshold: 1_000),
            ReputationLevel(name: "Champion", threshold: 5_000),
        ]
    )
}

/// A named reputation level reached at a point threshold.
public struct ReputationLevel: Hashable, Sendable, Codable {
    public var name: String
    public var threshold: Int
    /// Creates a level.
    public init(name: String, threshold: Int) {
        self.name = name
        self.threshold = threshold
    }
}
