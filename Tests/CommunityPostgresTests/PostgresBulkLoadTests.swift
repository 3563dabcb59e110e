import CommunityModel
import CommunityPostgres
import Foundation
import Testing

/// A bulk commit refreshes the planner statistics at once (an indexed query planned right
/// after a bulk load, with statistics of near-empty tables, scanned for minutes).
@Suite("PostgresStore bulk loads")
struct PostgresBulkLoadTests {
    /// When `ck_entities` in `schema` was last analysed by hand, or "" if never (through psql).
    static func lastAnalyze(_ schema: String) throws -> String {
        let url = try PostgresTestServer.url()
        let sql = "SELECT coalesce(last_analyze::text, '') FROM pg_stat_user_tables WHERE schemaname = '\(schema)' AND relname = 'ck_entities'"
        let (status, output) = PostgresTestServer.run([
            "-c", "\"$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql\" \"$1\" -Atc \"$2\"", "psql", url, sql,
        ])
        guard status == 0 else { throw PostgresTestServer.Unavailable(description: "psql failed: \(output)") }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aBulkCommitAnalysesTheTablesAndASmallOneDoesNot() throws {
        let small = PostgresTestServer.freshSchema("bulk")
        let smallStore = try PostgresTestServer.store(schema: small)
        try smallStore.write { tx in for n in 0..<10 { try tx.put(Account(id: ID("s\(n)"), name: "S", owner: "u1", region: "NA")) } }
        #expect(try Self.lastAnalyze(small) == "")

        let bulk = PostgresTestServer.freshSchema("bulk")
        let store = try PostgresTestServer.store(schema: bulk)
        try store.write { tx in
            for n in 0..<5_000 { try tx.put(Account(id: ID("b\(n)"), name: "B", owner: ID("u\(n % 50)"), region: "NA")) }
        }
        #expect(try Self.lastAnalyze(bulk) != "")
        let owner = Account(id: "b7", name: "B", owner: "u7", region: "NA").owner.description
        #expect(try store.snapshot().query(Query<Account>().where("owner", equals: .reference(owner))).count == 100)
    }
}
