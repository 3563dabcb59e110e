import CommunityAccess
import CommunityModel
import CommunitySQLite
import Foundation

/// A store kind the benchmark measures, and how to open a fresh one.
enum BenchmarkStore: String, CaseIterable {
    case memory = "MemoryStore"
    case sqlite = "SQLiteStore"

    /// Every type the benchmark writes or reads back from a feed.
    static let registry = EntityRegistry(
        AccessEngine.accessEntityTypes + AccessEngine.standardRecordTypes.map { $0 as any Entity.Type })

    /// A fresh, empty store; SQLite in a new file under `folder`.
    func open(in folder: URL, name: String) throws -> any Store {
        switch self {
        case .memory: return MemoryStore()
        case .sqlite:
            let path = folder.appendingPathComponent(name + ".sqlite").path
            for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            return try SQLiteStore(path: path, registry: Self.registry)
        }
    }
}

/// The small org every write and latency measurement runs against: one profile that may read
/// and edit accounts, private accounts, and users who own what they write.
enum BenchmarkOrg {
    static let profile: ID<Profile> = "bench-profile"

    static func user(_ n: Int) -> ID<User> { ID("bench-user-\(n)") }

    static func seed(_ store: any Store, users: Int) throws {
        try store.write { tx in
            try tx.put(Profile(id: profile, name: "Bench", permissions: PermissionGrants(objects: ["Account": .crud])))
            try tx.put(OrgWideDefault(object: "Account", internalAccess: .private, externalAccess: .private))
            for n in 0..<users {
                try tx.put(User(id: user(n), kind: .internal, name: "User \(n)", email: "u\(n)@bench.example", profileID: profile))
            }
        }
    }

    /// The account a single-row write puts.
    static func account(_ id: String, owner: Int) -> Account {
        Account(id: ID(id), name: "Bench account \(id)", owner: user(owner), isPartner: owner % 2 == 0, region: "EMEA",
                industry: "Software", website: "bench.example")
    }
}
