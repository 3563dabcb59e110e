import CommunityModel
import CommunitySQLite
import Synchronization
import Testing

/// The example in the storage README, compiled and run.
@Suite struct ReadmeExampleTests {
    @Test func theReadmeExampleWorks() throws {
        let directory = try TemporaryDirectory()
        let seen = Mutex<[String]>([])
        let store: any Store = try SQLiteStore(
            path: directory.file("community.sqlite"),
            registry: EntityRegistry([Account.self, Contact.self, Case.self]))

        try store.write { tx in
            try tx.put(Account(id: "acme", name: "Acme GmbH", owner: "u-ada", isPartner: true), expecting: .absent)
            try tx.put(Case(id: "case-1", subject: "Printer on fire", accountID: "acme", owner: .queue("support")))
        }

        let snapshot = store.snapshot()
        let partners = try snapshot.query(
            Query<Account>().where("isPartner", equals: .checkbox(true)).ordered(by: "normalizedName").page(limit: 20))
        #expect(partners.map(\.value.name) == ["Acme GmbH"])

        let observation = store.observe { changes in
            for change in changes { seen.withLock { $0.append("\(change.sequence) \(change.entityType) \(change.id) \(change.kind)") } }
        }
        defer { observation.cancel() }

        while true {
            guard let current = try store.snapshot().get(ID<Account>("acme")) else { break }
            var account = current.value
            account.region = "EMEA"
            do { try store.write { tx in try tx.put(account, expecting: .exactly(current.version)) }; break }
            catch StoreError.conflict { continue }  // someone else wrote first: read again
        }
        #expect(try store.snapshot().value(ID<Account>("acme"))?.region == "EMEA")
        #expect(seen.withLock { $0 } == ["3 Account acme updated"])
    }
}
