import CommunityKit
import Foundation

// swift run PartnerPortal [--out DIR]
// swift run PartnerPortal explain --user NAME --record ID

func argument(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

let arguments = Array(CommandLine.arguments.dropFirst())

do {
    let portal = try Portal()
    if arguments.first == "explain" {
        guard let name = argument("--user", in: arguments), let recordID = argument("--record", in: arguments) else {
            fail("usage: PartnerPortal explain --user NAME --record ID")
        }
        guard let user = portal.user(named: name) else { fail("no user \(name); try one of: " + Seed.people.map(\.id.rawValue).joined(separator: ", ")) }
        let objects: [EntityType] = ["Lead", "Opportunity", "Case", "Account", "Contact"]
        guard let object = objects.first(where: { portal.community.access.snapshot.record($0, id: recordID) != nil }) else {
            fail("no record \(recordID); seeded records: lead-acme-1, lead-acme-2, lead-globex-1, lead-initrode-1, opp-acme-1, opp-globex-1, opp-hanbit-1, case-acme-1, acme, globex")
        }
        print(portal.community.explain(user: user.id, object: object, id: recordID))
        exit(0)
    }
    let out = URL(fileURLWithPath: argument("--out", in: arguments) ?? "partner-portal-site")
    try Walkthrough(portal: portal, out: out).run()
} catch {
    fail("PartnerPortal failed: \(error)")
}
