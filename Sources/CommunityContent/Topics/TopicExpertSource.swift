public import CommunityModel
import Synchronization

/// One of a topic's most helpful members, with the score that ranks them.
public struct TopicExpert: Sendable, Hashable {
    /// The member.
    public var userID: ID<User>
    /// Higher is more helpful (for example reputation points earned on the topic).
    public var score: Double

    /// Creates an expert entry.
    public init(userID: ID<User>, score: Double) {
        self.userID = userID
        self.score = score
    }
}

/// Where a topic page gets its experts. The `Community` facade uses Engagement's reputation
/// (points members earned on the topic); a host using ``TopicService`` alone passes its own, or
/// ``MemoryTopicExperts`` (scores a host or test sets).
public protocol TopicExpertSource: Sendable {
    /// The most helpful members on a topic, best first, at most `limit`.
    func experts(on topic: ID<Topic>, limit: Int) throws -> [TopicExpert]
}

/// Topic expert scores kept in memory; ``record(_:on:points:)`` adds points.
public final class MemoryTopicExperts: TopicExpertSource {
    private let scores = Mutex<[ID<Topic>: [ID<User>: Double]]>([:])

    /// Creates an empty source.
    public init() {}

    /// Adds points to a member on a topic.
    public func record(_ user: ID<User>, on topic: ID<Topic>, points: Double) {
        scores.withLock { $0[topic, default: [:]][user, default: 0] += points }
    }

    public func experts(on topic: ID<Topic>, limit: Int) throws -> [TopicExpert] {
        let perUser = scores.withLock { $0[topic] ?? [:] }
        return perUser.map { TopicExpert(userID: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.userID < $1.userID }
            .prefix(max(0, limit)).map { $0 }
    }
}
