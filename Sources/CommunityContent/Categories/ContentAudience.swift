public import CommunityAccess
public import CommunityModel

/// Works out what a user may see of the content layer, through CommunityAccess: the
/// channel of their licence kind, the data categories their role, profile, permission sets
/// or groups are granted (children included), and whether they manage knowledge.
///
/// The result is a ``SearchViewer`` whose keys the search index matches against document
/// visibility descriptors, and which the knowledge service uses for single reads.
public struct ContentAudience: Sendable {
    private let access: AccessEngine

    /// Creates an audience resolver over an access engine.
    public init(access: AccessEngine) { self.access = access }

    /// The viewer for a user, or for an anonymous guest when `user` is `nil`.
    public func viewer(for user: ID<User>?, in store: any StoreReader) throws -> SearchViewer {
        let snapshot = access.snapshot
        let entity = user.flatMap { snapshot.user($0) }
        if let user, entity == nil || entity?.isActive == false {
            // Unknown or inactive users see what a guest sees, and no more.
            return try guestViewer(in: store, userKey: user)
        }
        guard let user, let entity else { return try guestViewer(in: store, userKey: nil) }
        // A site's guest user sees what a guest sees, plus categories granted to its guest profile;
        // never member-only content.
        if entity.kind == .guest { return try guestViewer(in: store, userKey: user, profile: entity.profileID) }
        var keys: Set<String> = [KnowledgeChannel(for: entity.kind).accessKey, SearchAccessKey.user(user.rawValue)]
        if snapshot.hasPermission(user, .manageKnowledge) || snapshot.hasPermission(user, .viewAllData) {
            keys.insert(SearchAccessKey.allKnowledge)
        }
        keys.insert(SearchAccessKey.members)
        for group in try store.all(PublicGroup.self) where snapshot.isMember(user, of: .group(group.value.id)) {
            keys.insert(SearchAccessKey.group(group.value.id.rawValue))
        }
        if entity.kind == .partner, let accountID = entity.accountID, let account = try store.value(accountID), account.isPartner {
            let tier = account.partnerTier ?? .registered
            for t in Account.PartnerTier.allCases where t <= tier { keys.insert(SearchAccessKey.partnerTier(t.rawValue)) }
        }
        var sets = Set(entity.permissionSetIDs)
        for g in entity.permissionSetGroupIDs {
            if let group = try store.value(g) { sets.formUnion(group.permissionSetIDs) }
        }
        for category in try visibleCategories(in: store, matching: { audience in
            switch audience {
            case .everyone: true
            case .userKind(let kind): kind == entity.kind
            case .profile(let id): id == entity.profileID
            case .permissionSet(let id): sets.contains(id)
            case .principal(let grantee): snapshot.isMember(user, of: grantee)
            }
        }) {
            keys.insert(SearchAccessKey.category(category.rawValue))
        }
        return SearchViewer(keys: keys)
    }

    /// Whether the user may author, publish and archive articles.
    public func managesKnowledge(_ user: ID<User>) -> Bool {
        let snapshot = access.snapshot
        return snapshot.hasPermission(user, .manageKnowledge)
    }

    private func guestViewer(in store: any StoreReader, userKey: ID<User>?, profile: ID<Profile>? = nil) throws -> SearchViewer {
        var keys: Set<String> = [KnowledgeChannel.public.accessKey]
        for category in try visibleCategories(in: store, matching: { audience in
            switch audience {
            case .everyone: true
            case .userKind(let kind): kind == .guest
            case .profile(let id): profile != nil && id == profile
            default: false
            }
        }) {
            keys.insert(SearchAccessKey.category(category.rawValue))
        }
        return SearchViewer(keys: keys)
    }

    /// Categories granted by the rules whose audience matches, with all their descendants.
    func visibleCategories(
        in store: any StoreReader, matching: (DataCategoryVisibility.Audience) -> Bool
    ) throws -> Set<ID<DataCategory>> {
        let rules = try store.all(DataCategoryVisibility.self).map(\.value).filter { matching($0.audience) }
        guard !rules.isEmpty else { return [] }
        let categories = try store.all(DataCategory.self).map(\.value)
        var children: [ID<DataCategory>: [ID<DataCategory>]] = [:]
        for c in categories { if let p = c.parentID { children[p, default: []].append(c.id) } }
        var visible = Set<ID<DataCategory>>()
        func addTree(_ id: ID<DataCategory>) {
            guard visible.insert(id).inserted else { return }
            for child in children[id] ?? [] { addTree(child) }
        }
        for rule in rules {
            switch rule.scope {
            case .all: for c in categories where c.groupID == rule.groupID { visible.insert(c.id) }
            case .categories(let ids):
                for id in ids { if categories.contains(where: { $0.id == id && $0.groupID == rule.groupID }) { addTree(id) } }
            }
        }
        return visible
    }

    /// The visibility descriptor of an article: one of its channels, and for every category
    /// group it is classified in, one of its categories of that group. Holders of
    /// ``SearchAccessKey/allKnowledge`` meet every clause.
    public static func descriptor(for article: KnowledgeArticle, in store: any StoreReader) throws -> SearchVisibility {
        var clauses: [[String]] = [article.channels.sorted { $0.rawValue < $1.rawValue }.map(\.accessKey) + [SearchAccessKey.allKnowledge]]
        var byGroup: [ID<DataCategoryGroup>: [String]] = [:]
        for id in article.categoryIDs {
            guard let category = try store.value(id) else { continue }
            byGroup[category.groupID, default: []].append(SearchAccessKey.category(id.rawValue))
        }
        for (_, keys) in byGroup.sorted(by: { $0.key < $1.key }) { clauses.append(keys + [SearchAccessKey.allKnowledge]) }
        return SearchVisibility(clauses: clauses)
    }
}
