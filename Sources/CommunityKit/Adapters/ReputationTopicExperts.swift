import CommunityModel
import CommunityContent
import CommunityEngagement

/// Topic experts from Engagement's reputation: the members with the most points earned on a
/// topic (questions, answers, best answers, likes and helpful articles tagged with it), best
/// first. Reputation keeps points by topic name; a name counts for the topic it means
/// (``TopicNames``: any case, merged topics' names included).
struct ReputationTopicExperts: TopicExpertSource {
    let store: any Store

    func experts(on topic: ID<Topic>, limit: Int) throws -> [TopicExpert] {
        guard limit > 0 else { return [] }
        let snapshot = store.snapshot()
        let names = try TopicNames(in: snapshot)
        var means: [String: Bool] = [:]
        var scores: [ID<User>: Int] = [:]
        for account in try snapshot.all(ReputationAccount.self).map(\.value) {
            for (name, points) in account.topicPoints where points > 0 {
                let matches = means[name] ?? (names.topic(folded: Topic.normalize(name)) == topic)
                means[name] = matches
                if matches { scores[account.memberID, default: 0] += points }
            }
        }
        return scores.map { TopicExpert(userID: $0.key, score: Double($0.value)) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.userID < $1.userID }
            .prefix(limit).map { $0 }
    }
}
