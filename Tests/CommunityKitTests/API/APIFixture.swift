import CommunityKit
import Foundation

/// A community with the partner site (and a guest profile), leads of two partner accounts, and a
/// client that calls the JSON API through `community.handle`.
enum APIFixture {
    static func community(
        api: APIConfiguration = .standard, clock: ManualClock = ManualClock(), store shared: MemoryStore? = nil, caseOwner: Owner? = nil
    ) throws -> Community {
        let store = try shared ?? seededStore()
        var configuration = CommunityConfiguration(
            store: store, clock: clock, csrfSecret: KitFixture.secret, defaultCaseOwner: caseOwner,
            leadApprovalSteps: [ApprovalStep(name: "Channel", approvers: [.user("cara")])])
        configuration.api = api
        let community = try Community(configuration)
        var site = try KitFixture.partnerSite()
        site.guestProfileID = "site-guest"
        try community.addSite(site)
        return community
    }

    /// The fixture with `cara` as a site administrator (manageCommunity) and the partner site in
    /// English, German and Korean.
    static func multilingualAdministration() throws -> Community {
        let store = try seededStore()
        try store.write { tx in
            try tx.put(Profile(id: "channel", name: "Channel", permissions: PermissionGrants(
                objects: ["Lead": .crud, "Opportunity": .crud, "Account": .crud, "Contact": .crud, "Case": .crud],
                system: [.moderateCommunity, .manageKnowledge, .manageCommunity])))
        }
        let community = try community(store: store)
        guard var site = community.site("partners")?.site else { throw StoreError.backend("the fixture has no partner site") }
        site.locales = ["en_US", "de_DE", "ko_KR"]
        try community.addSite(site)
        return community
    }

    /// The fixture's store: KitFixture's users and accounts, a guest profile, three leads and an opportunity.
    static func seededStore() throws -> MemoryStore {
        let store = try KitFixture.store()
        try store.write { tx in
            try tx.put(Profile(id: "site-guest", name: "Guest", permissions: PermissionGrants(objects: ["Case": [.read]])))
            try tx.put(Lead(id: "lead-acme-1", lastName: "Ames", company: "Acme Widgets", partnerAccountID: "acme", owner: .user("pat")))
            try tx.put(Lead(id: "lead-acme-2", lastName: "Bell", company: "Bell Labs", status: .working, partnerAccountID: "acme", owner: .user("mia")))
            try tx.put(Lead(id: "lead-globex-1", lastName: "Cole", company: "Globex Corp", partnerAccountID: "globex", owner: .user("bo")))
            try tx.put(Opportunity(id: "opp-acme", name: "Acme renewal", accountID: "acme", stage: "Prospecting", closeDate: try Day(parsing: "2026-06-30"),
                                   partnerAccountID: "acme", owner: "cara"))
        }
        return store
    }

    static func token(_ community: Community, _ user: ID<User>, scopes: Set<APIScope> = APIScope.all) throws -> String {
        try community.createPersonalAccessToken(for: user, name: "test", scopes: scopes).text
    }
}

/// One API answer, decoded.
struct APIAnswer {
    let response: SiteResponse
    var status: Int { response.status }
    var json: JSONValue { (try? JSONDecoder().decode(JSONValue.self, from: Data(response.body.utf8))) ?? .null }
    var items: [JSONValue] { if case .array(let a)? = json["items"] { a } else { [] } }
    var ids: [String] { items.compactMap { $0["id"]?.stringValue } }
    var kind: String? { json["type"]?.stringValue.map { String($0.dropFirst(APIProblem.typeBase.count)) } }
    var invalidFields: [String] {
        if case .array(let a)? = json["invalidFields"] { a.compactMap { $0["name"]?.stringValue } } else { [] }
    }
    var contentType: String? { response.headers["Content-Type"] }
}

/// Calls `/partners/api/v1` as a bearer token, a viewer (session) or the guest.
struct APICaller {
    let community: Community
    var token: String?
    var viewer: Viewer = .guest
    var headers: [String: String] = [:]
    var clientAddress = "10.0.0.1"

    init(_ community: Community, token: String? = nil) {
        self.community = community
        self.token = token
    }

    init(_ community: Community, session user: ID<User>) {
        self.community = community
        viewer = community.viewer(user, sessionID: "session-\(user.rawValue)")
    }

    func call(_ method: SiteRequest.Method, _ path: String, query: [String: String] = [:], json: String? = nil, headers extra: [String: String] = [:]) -> APIAnswer {
        var headers = self.headers
        if let token { headers["authorization"] = "Bearer " + token }
        if json != nil { headers["content-type"] = "application/json" }
        for (k, v) in extra { headers[k.lowercased()] = v }
        let body = Array((json ?? "").utf8)
        return APIAnswer(response: community.handle(SiteRequest(
            method, "/partners/api/v1" + path, query: query, viewer: viewer, headers: headers, clientAddress: clientAddress,
            bodyByteCount: body.count, body: body)))
    }

    func get(_ path: String, query: [String: String] = [:]) -> APIAnswer { call(.get, path, query: query) }
    func post(_ path: String, _ json: String?, headers: [String: String] = [:]) -> APIAnswer { call(.post, path, json: json, headers: headers) }
}
