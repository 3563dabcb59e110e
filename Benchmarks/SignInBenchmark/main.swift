import CommunityKit
import Foundation

// swift run -c release SignInBenchmark [--iterations N]
//
// The cost of one sign-in, which is the cost of the password hash (PBKDF2-HMAC-SHA256 with the
// standard 600,000 iterations, computed by libcrypto): the hash alone, a sign-in through
// `community.identity.signIn`, a failed sign-in of an unknown user (which must cost the same),
// and a sign-in posted through the site's form with `community.handle`.

let arguments = CommandLine.arguments
let iterations = arguments.firstIndex(of: "--iterations").flatMap { i in i + 1 < arguments.count ? Int(arguments[i + 1]) : nil } ?? 9
let password = "amber-lantern-harbour-42"

func measure(_ label: String, _ body: () throws -> Void) rethrows {
    var samples: [Double] = []
    for _ in 0..<max(1, iterations) {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    samples.sort()
    let p50 = samples[samples.count / 2]
    let worst = samples[samples.count - 1]
    print("\(label.padding(toLength: 40, withPad: " ", startingAt: 0)) p50 \(String(format: "%7.1f", p50)) ms   max \(String(format: "%7.1f", worst)) ms")
}

let store = MemoryStore()
try store.write { tx in
    try tx.put(Profile(id: "partner", name: "Partner", permissions: PermissionGrants(objects: ["Lead": [.read, .create]])))
    try tx.put(User(id: "boss", kind: .internal, name: "Boss", email: "boss@example.com", profileID: "partner"))
    try tx.put(Account(id: "acme", name: "Acme", owner: "boss", isPartner: true))
    try tx.put(User(id: "pat", kind: .partner, name: "Pat", email: "pat@acme.example", profileID: "partner", accountID: "acme"))
}
let community = try Community(CommunityConfiguration(store: store, csrfSecret: Array("benchmark-secret-of-enough-bytes".utf8)))
var site = try SiteTemplate.partnerCentral.makeSite(.init(id: "partners", name: "Partners", urlPrefix: "/partners", memberProfileIDs: ["partner"]))
site.status = .published
try community.addSite(site)
try community.identity.setPassword(password, for: "pat")
guard let entry = community.signIn(forSite: "partners") else { fatalError("no sign-in for the site") }

print("SignInBenchmark: \(iterations) runs each, PBKDF2-HMAC-SHA256 × \(KeyDerivation.minimumIterations) (libcrypto)")
try measure("password hash (PasswordHasher.standard)") { _ = try PasswordHasher.standard.hash(password) }
var address = 0
try measure("sign-in (identity.signIn)") {
    address += 1
    _ = try community.identity.signIn(identifier: "pat", password: password, site: entry.signInSite, clientAddress: "10.0.\(address / 250).\(address % 250)")
}
measure("failed sign-in, unknown user") {
    address += 1
    _ = try? community.identity.signIn(identifier: "nobody", password: password, site: entry.signInSite, clientAddress: "10.1.\(address / 250).\(address % 250)")
}
measure("sign-in form posted through handle") {
    let page = community.handle(SiteRequest(.get, "/partners/login"))
    var cookies: [String: String] = [:]
    for header in page.setCookies {
        let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
        if pair.count == 2 { cookies[pair[0]] = pair[1] }
    }
    guard let range = page.body.range(of: "name=\"_csrf\" value=\"") else { fatalError("no form token") }
    let token = String(page.body[range.upperBound...].prefix { $0 != "\"" })
    address += 1
    let response = community.handle(SiteRequest(
        .post, "/partners/_action/signIn", form: ["_csrf": token, "username": "pat", "password": password], cookies: cookies,
        clientAddress: "10.2.\(address / 250).\(address % 250)"))
    guard response.status == 303 else { fatalError("sign-in answered \(response.status)") }
}
