import CommunityModel
import CommunityPostgres
import CommunityTesting
import Testing

extension PostgresTests {
    /// PostgresStore keeps every law of the Store contract, each against a fresh schema.
    @Suite struct Conformance {
        @Test(arguments: StoreConformance.Law.allCases)
        func law(_ law: StoreConformance.Law) throws {
            try StoreConformance.verify(law) { try PostgresTestServer.store() }
        }
    }
}
