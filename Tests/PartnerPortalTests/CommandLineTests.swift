import Testing
@testable import PartnerPortalKit

@Suite("Command line")
struct CommandLineTests {
    @Test func commandsParse() throws {
        #expect(try PortalCommand.parse([]) == .walkthrough(out: "partner-portal-site"))
        #expect(try PortalCommand.parse(["--out", "x"]) == .walkthrough(out: "x"))
        #expect(try PortalCommand.parse(["serve"]) == .serve(port: 8080, store: nil, outbox: nil))
        #expect(try PortalCommand.parse(["serve", "--port", "0", "--store", "p.sqlite"]) == .serve(port: 0, store: "p.sqlite", outbox: nil))
        #expect(try PortalCommand.parse(["serve", "--outbox", "/tmp/o.jsonl"]) == .serve(port: 8080, store: nil, outbox: "/tmp/o.jsonl"))
        #expect(try PortalCommand.parse(["explain", "--user", "bo", "--record", "lead-acme-1"]) == .explain(user: "bo", record: "lead-acme-1"))
        #expect(try PortalCommand.parse(["serve", "--help"]) == .help)
    }

    @Test(arguments: [
        ["--bogus"], ["serve", "--port"], ["serve", "--port", "70000"], ["serve", "--port", "-1"], ["serve", "--out", "x"],
        ["explain", "--user", "bo"], ["frobnicate"], ["--out", "a", "--out", "b"], ["serve", "extra"],
    ])
    func badCommandLinesAreUsageErrors(arguments: [String]) {
        #expect(throws: PortalCommand.UsageError.self) { try PortalCommand.parse(arguments) }
    }

    @Test func helpAndUsageErrorsExitWithStatus2() {
        #expect(PartnerPortalProgram.main(["--help"]) == 2)
        #expect(PartnerPortalProgram.main(["--nonsense"]) == 2)
    }

    @Test func aBadOutFolderFailsBeforeAnyWork() {
        #expect(PartnerPortalProgram.main(["--out", "/proc/version"]) == 1)
    }
}
