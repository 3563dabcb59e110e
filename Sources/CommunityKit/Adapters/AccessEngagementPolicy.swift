import CommunityModel
import CommunityAccess
import CommunityEngagement

/// Answers Engagement's access questions from CommunityAccess.
struct AccessEngagementPolicy: EngagementAccessPolicy {
    let engine: AccessEngine

    func canRead(_ record: RecordRef, user: ID<User>) -> Bool {
        engine.snapshot.access(user, to: record.entityType, id: record.id) >= .read
    }

    func canModerate(_ user: ID<User>) -> Bool {
        engine.snapshot.hasPermission(user, .moderateCommunity)
    }
}
