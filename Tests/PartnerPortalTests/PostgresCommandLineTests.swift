@testable import PartnerPortalKit
import Testing

/// `serve --postgres URL` serves on PostgreSQL; bad combinations are usage errors.
@Suite struct PostgresCommandLineTests {
    @Test func postgresURLBecomesTheStore() throws {
        let url = "postgresql://app@127.0.0.1:5432/community"
        #expect(try PortalCommand.parse(["serve", "--postgres", url]) == .serve(port: 8080, store: url, outbox: nil))
        #expect(PortalCommand.isPostgresURL(url))
        #expect(PortalCommand.isPostgresURL("postgres://db/x"))
        #expect(!PortalCommand.isPostgresURL("portal.sqlite"))
    }

    @Test(arguments: [
        ["serve", "--postgres", "portal.sqlite"],
        ["serve", "--postgres", "postgresql://db/x", "--store", "p.sqlite"],
        ["serve", "--postgres"],
        ["--postgres", "postgresql://db/x"],
    ])
    func badPostgresOptionsAreUsageErrors(_ arguments: [String]) {
        #expect(throws: PortalCommand.UsageError.self) { try PortalCommand.parse(arguments) }
    }
}
