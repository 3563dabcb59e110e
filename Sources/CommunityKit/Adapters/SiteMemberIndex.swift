import CommunityModel
import Foundation
import Synchronization

/// Each site's members in directory order (by nickname, then id), kept between requests.
///
/// Deciding whether a user is a site member needs their profile and permission sets, so a
/// directory that decided it for every user on every request would cost a walk over the whole
/// user base (100,000 users at the large benchmark scale). The index builds a site's list once
/// and keeps it until a user, permission set or permission set group changes in the store (it
/// follows the store's change feed for that), so a directory page or a leaderboard reads a
/// ready list. Reads take a lock only to fetch or store a list, never while one is built.
final class SiteMemberIndex: Sendable {
    /// A site's members: in directory order, and as a set for membership checks.
    struct Members: Sendable {
        var ordered: [ID<User>]
        var set: Set<ID<User>>
    }

    private let generation = Atomic<UInt64>(0)
    private let lists = Mutex<[String: (generation: UInt64, members: Members)]>([:])
    private let observation = Mutex<StoreObservation?>(nil)
    static let watched: Set<EntityType> = ["User", "PermissionSet", "PermissionSetGroup", "Profile"]

    /// An index following `store`'s changes.
    init(store: any Store) {
        let subscription = store.observe { [weak self] changes in
            guard let self, changes.contains(where: { Self.watched.contains($0.entityType) }) else { return }
            self.generation.add(1, ordering: .releasing)
        }
        observation.withLock { $0 = subscription }
    }

    deinit { observation.withLock { $0?.cancel() } }

    /// The members of the site keyed `site` (`""` for the engine-wide view), built with
    /// `build` when no list from the current generation is kept.
    func members(of site: String, build: () throws -> [User]) rethrows -> Members {
        let current = generation.load(ordering: .acquiring)
        if let kept = lists.withLock({ $0[site] }), kept.generation == current { return kept.members }
        let users = try build().sorted { a, b in
            a.nickname == b.nickname ? a.id < b.id : a.nickname.localizedStandardCompare(b.nickname) == .orderedAscending
        }
        let members = Members(ordered: users.map(\.id), set: Set(users.map(\.id)))
        lists.withLock { $0[site] = (current, members) }
        return members
    }
}
