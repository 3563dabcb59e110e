import CommunityContent
public import CommunityModel

extension Engagement {
    /// The search access keys Engagement grants a member, to add to the content layer's keys
    /// (``ContentAudience/viewer(for:in:)``) when searching what ``EngagementSearchIndexer``
    /// indexed: the member's own key, `members`, a ``SearchAccessKey/group(_:)`` key for each
    /// group they belong to, and ``SearchAccessKey/moderators`` for moderators. An unknown,
    /// inactive or guest user gets none.
    public func searchKeys(for member: ID<User>) throws -> Set<String> {
        let snapshot = store.snapshot()
        guard let user = try snapshot.value(member), user.isActive, user.kind != .guest else { return [] }
        var keys: Set<String> = [SearchAccessKey.user(member.rawValue), SearchAccessKey.members]
        for membership in try snapshot.query(Query<GroupMembership>().where("memberID", equals: .reference(member.rawValue))) {
            keys.insert(SearchAccessKey.group(membership.value.groupID.rawValue))
        }
        if isModerator(member) { keys.insert(SearchAccessKey.moderators) }
        return keys
    }
}
