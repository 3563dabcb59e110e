import CommunityModel
import Dispatch
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
///
/// ``prepare(_:users:build:)`` builds a site's list when the site is added (in the background
/// for a large user base), so the first directory page after start-up finds it ready. After a change, a list of at least
/// ``backgroundThreshold`` members is served as it was (its ``Members/generation`` says which
/// change it includes) while one background rebuild catches up; smaller lists are rebuilt at
/// once, so they are always current.
final class SiteMemberIndex: Sendable {
    /// A site's members: in directory order, and as a set for membership checks.
    struct Members: Sendable {
        var ordered: [ID<User>]
        var set: Set<ID<User>>
        /// The count of watched store changes the list includes.
        var generation: UInt64 = 0
    }

    private struct Kept: Sendable {
        var members: Members
        var refreshing: Bool
    }

    /// Lists at least this long are rebuilt in the background after a change.
    let backgroundThreshold: Int
    private let executor: @Sendable (@escaping @Sendable () -> Void) -> Void
    private let generation = Atomic<UInt64>(0)
    private let lists = Mutex<[String: Kept]>([:])
    private let observation = Mutex<StoreObservation?>(nil)
    static let watched: Set<EntityType> = ["User", "PermissionSet", "PermissionSetGroup", "Profile"]

    /// An index following `store`'s changes; background builds run on `executor` (a global
    /// dispatch queue by default).
    init(
        store: any Store, backgroundThreshold: Int = 20_000,
        executor: (@Sendable (@escaping @Sendable () -> Void) -> Void)? = nil
    ) {
        self.backgroundThreshold = backgroundThreshold
        self.executor = executor ?? { work in DispatchQueue.global(qos: .utility).async(execute: work) }
        let subscription = store.observe { [weak self] changes in
            guard let self, changes.contains(where: { Self.watched.contains($0.entityType) }) else { return }
            self.generation.add(1, ordering: .releasing)
        }
        observation.withLock { $0 = subscription }
    }

    deinit { observation.withLock { $0?.cancel() } }

    /// The members of the site keyed `site` (`""` for the engine-wide view): the kept list when
    /// it is current, or when it is large and a background rebuild is under way; otherwise one
    /// built with `build` now.
    func members(of site: String, build: @escaping @Sendable () throws -> [User]) throws -> Members {
        let current = generation.load(ordering: .acquiring)
        if let kept = lists.withLock({ $0[site] }) {
            if kept.members.generation == current { return kept.members }
            if kept.members.ordered.count >= backgroundThreshold {
                refresh(site, build: build)
                return kept.members
            }
        }
        let members = try Self.ordered(build(), generation: current)
        keep(members, for: site)
        return members
    }

    /// Builds the site's list ahead of its first request, unless a current one is kept or being
    /// built: at once when the store holds fewer than ``backgroundThreshold`` users (cheap, and
    /// nothing outlives the call), in the background otherwise.
    func prepare(_ site: String, users: Int, build: @escaping @Sendable () throws -> [User]) {
        let current = generation.load(ordering: .acquiring)
        if users < backgroundThreshold {
            guard lists.withLock({ $0[site] == nil }), let list = try? build() else { return }
            keep(Self.ordered(list, generation: current), for: site)
            return
        }
        let start = lists.withLock { lists -> Bool in
            if let kept = lists[site], kept.members.generation == current || kept.refreshing { return false }
            if lists[site] == nil {
                // A placeholder marks the build as under way; requests until it lands build their own.
                lists[site] = Kept(members: Members(ordered: [], set: [], generation: .max), refreshing: true)
            } else {
                lists[site]?.refreshing = true
            }
            return true
        }
        guard start else { return }
        run(site, build: build)
    }

    /// Starts one background rebuild of a kept list.
    private func refresh(_ site: String, build: @escaping @Sendable () throws -> [User]) {
        let start = lists.withLock { lists -> Bool in
            guard let kept = lists[site], !kept.refreshing else { return false }
            lists[site]?.refreshing = true
            return true
        }
        guard start else { return }
        run(site, build: build)
    }

    private func run(_ site: String, build: @escaping @Sendable () throws -> [User]) {
        executor { [weak self] in
            guard let self else { return }
            let current = self.generation.load(ordering: .acquiring)
            guard let users = try? build() else {
                self.lists.withLock { lists in
                    if lists[site]?.members.generation == .max { lists[site] = nil } else { lists[site]?.refreshing = false }
                }
                return
            }
            self.keep(Self.ordered(users, generation: current), for: site)
        }
    }

    /// Stores a list unless a newer one is kept.
    private func keep(_ members: Members, for site: String) {
        lists.withLock { lists in
            if let kept = lists[site], kept.members.generation != .max, kept.members.generation > members.generation {
                lists[site]?.refreshing = false
                return
            }
            lists[site] = Kept(members: members, refreshing: false)
        }
    }

    private static func ordered(_ users: [User], generation: UInt64) -> Members {
        let sorted = users.sorted { a, b in
            a.nickname == b.nickname ? a.id < b.id : a.nickname.localizedStandardCompare(b.nickname) == .orderedAscending
        }
        return Members(ordered: sorted.map(\.id), set: Set(sorted.map(\.id)), generation: generation)
    }
}
