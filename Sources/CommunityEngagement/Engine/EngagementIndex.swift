import CommunityModel
import Foundation
import Synchronization

/// The in-memory projection of stored engagement data that reads need fast: per-feed
/// append-only logs of item positions, who follows what, group audiences and recent activity
/// per member (for rate limits). It is fed by the store's change observer, in commit order,
/// so it never disagrees with the committed state for longer than a commit.
final class EngagementIndex: Sendable {
    /// A group's audience, as visibility checks need it.
    struct GroupAudience: Sendable {
        var visibility: CommunityGroup.Visibility
        var members: Set<ID<User>> = []
    }

    /// Position → item id, in commit order.
    let items = AppendLog<ID<FeedItem>>()
    private let feeds = Mutex<[FeedKey: AppendLog<Int32>]>([:])
    private let follows = Mutex<[ID<User>: Set<FeedKey>]>([:])
    private let followers = Mutex<[FeedKey: Set<ID<User>>]>([:])
    private let followRows = Mutex<[String: (ID<User>, FeedKey)]>([:])
    private let groups = Mutex<[ID<CommunityGroup>: GroupAudience]>([:])
    private let membershipRows = Mutex<[String: (ID<CommunityGroup>, ID<User>)]>([:])
    private let activity = Mutex<[ID<User>: [(Date, ContentKind)]]>([:])
    private let handles = Mutex<[String: ID<User>]>([:])
    private let groupHandles = Mutex<[String: ID<CommunityGroup>]>([:])
    /// Grows whenever moderation or rate-limit rules change.
    let rulesVersion = Atomic<UInt64>(1)

    init() {}

    // MARK: Loading and applying changes

    /// Loads everything from a snapshot (at start-up, before writes begin).
    func load(from snapshot: any StoreSnapshot) throws {
        for u in try snapshot.all(User.self) { applyUser(u.value) }
        for g in try snapshot.all(CommunityGroup.self) { applyGroup(g.value) }
        for m in try snapshot.all(GroupMembership.self) { applyMembership(m.value) }
        for f in try snapshot.all(Follow.self) { applyFollow(f.value) }
        let items = try snapshot.all(FeedItem.self).map(\.value).sorted {
            $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.id < $1.id
        }
        for item in items { applyItem(item) }
    }

    /// Applies one commit's changes.
    func apply(_ changes: [Change]) {
        for change in changes {
            switch change.entityType {
            case FeedItem.entityType:
                if change.kind == .inserted, let item = change.value(as: FeedItem.self) { applyItem(item) }
            case Follow.entityType:
                if change.kind == .deleted {
                    removeFollow(rowID: change.id)
                } else if let f = change.value(as: Follow.self) {
                    applyFollow(f)
                }
            case GroupMembership.entityType:
                if change.kind == .deleted {
                    removeMembership(rowID: change.id)
                } else if let m = change.value(as: GroupMembership.self) {
                    applyMembership(m)
                }
            case User.entityType:
                if let u = change.value(as: User.self) { applyUser(u) }
            case CommunityGroup.entityType:
                if let g = change.value(as: CommunityGroup.self) { applyGroup(g) }
            case Comment.entityType:
                if change.kind == .inserted, let c = change.value(as: Comment.self) {
                    noteActivity(c.authorID, c.createdAt, .comment)
                }
            case Answer.entityType:
                if change.kind == .inserted, let a = change.value(as: Answer.self) {
                    noteActivity(a.authorID, a.createdAt, .answer)
                }
            case Idea.entityType:
                if change.kind == .inserted, let i = change.value(as: Idea.self) { noteActivity(i.authorID, i.createdAt, .idea) }
            case ModerationRule.entityType, RateLimitRule.entityType:
                rulesVersion.add(1, ordering: .relaxed)
            default:
                continue
            }
        }
    }

    private func applyItem(_ item: FeedItem) {
        let position = Int32(items.append(item.id))
        let keys = item.feedKeys
        let logs: [AppendLog<Int32>] = feeds.withLock { feeds in
            keys.map { key in
                if let log = feeds[key] { return log }
                let log = AppendLog<Int32>()
                feeds[key] = log
                return log
            }
        }
        for log in logs { log.append(position) }
        noteActivity(item.authorID, item.createdAt, item.kind == .question ? .question : .post)
    }

    private func applyFollow(_ f: Follow) {
        followRows.withLock { $0[f.id.rawValue] = (f.followerID, f.target) }
        follows.withLock { _ = $0[f.followerID, default: []].insert(f.target) }
        followers.withLock { _ = $0[f.target, default: []].insert(f.followerID) }
    }

    private func removeFollow(rowID: String) {
        guard let (user, key) = followRows.withLock({ $0.removeValue(forKey: rowID) }) else { return }
        follows.withLock { _ = $0[user]?.remove(key) }
        followers.withLock { _ = $0[key]?.remove(user) }
    }

    private func applyUser(_ u: User) {
        handles.withLock { $0[MentionParser.handleKey(u.nickname)] = u.id }
    }

    private func applyGroup(_ g: CommunityGroup) {
        groupHandles.withLock { $0[MentionParser.handleKey(g.name)] = g.id }
        groups.withLock { groups in
            groups[g.id, default: GroupAudience(visibility: g.visibility)].visibility = g.visibility
        }
    }

    private func applyMembership(_ m: GroupMembership) {
        membershipRows.withLock { $0[m.id.rawValue] = (m.groupID, m.memberID) }
        groups.withLock { _ = $0[m.groupID, default: GroupAudience(visibility: .private)].members.insert(m.memberID) }
    }

    private func removeMembership(rowID: String) {
        guard let (group, member) = membershipRows.withLock({ $0.removeValue(forKey: rowID) }) else { return }
        groups.withLock { _ = $0[group]?.members.remove(member) }
    }

    private func noteActivity(_ member: ID<User>, _ at: Date, _ kind: ContentKind) {
        activity.withLock { activity in
            // In place: copying the list out would copy it whole on every post.
            activity[member, default: []].append((at, kind))
            if let count = activity[member]?.count, count > 512 { activity[member, default: []].removeFirst(count - 512) }
        }
    }

    // MARK: Reads

    /// The log of a feed, if anything was ever posted to it.
    func log(_ key: FeedKey) -> AppendLog<Int32>? { feeds.withLock { $0[key] } }

    /// The logs of several feeds.
    func logs(_ keys: some Sequence<FeedKey>) -> [AppendLog<Int32>] {
        feeds.withLock { feeds in keys.compactMap { feeds[$0] } }
    }

    /// What a member follows.
    func followed(by member: ID<User>) -> Set<FeedKey> { follows.withLock { $0[member] ?? [] } }

    /// Who follows a feed.
    func followers(of key: FeedKey) -> Set<ID<User>> { followers.withLock { $0[key] ?? [] } }

    /// The member whose nickname folds to `handle`.
    func member(handle: String) -> ID<User>? { handles.withLock { $0[handle] } }

    /// The group whose name folds to `handle`.
    func group(handle: String) -> ID<CommunityGroup>? { groupHandles.withLock { $0[handle] } }

    /// A group's audience.
    func audience(_ group: ID<CommunityGroup>) -> GroupAudience? { groups.withLock { $0[group] } }

    /// Whether a member belongs to a group.
    func isMember(_ member: ID<User>, of group: ID<CommunityGroup>) -> Bool {
        groups.withLock { $0[group]?.members.contains(member) ?? false }
    }

    /// How many items of the kinds a member wrote since `since`.
    func recentActivity(of member: ID<User>, since: Date, kinds: Set<ContentKind>) -> Int {
        activity.withLock { ($0[member] ?? []).reduce(0) { $0 + ($1.0 >= since && kinds.contains($1.1) ? 1 : 0) } }
    }
}
