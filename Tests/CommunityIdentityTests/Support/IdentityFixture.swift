import CommunityIdentity
import CommunityModel
import Foundation
import Synchronization

/// Counts key derivations, to check that every sign-in path pays for one.
final class DerivationCounter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func record(_ iterations: Int) { count.withLock { $0 += 1 } }
}

/// Collects security events.
final class EventLog: Sendable {
    private let stored = Mutex<[SecurityEvent]>([])
    var events: [SecurityEvent] { stored.withLock { $0 } }
    func record(_ event: SecurityEvent) { stored.withLock { $0.append(event) } }
}

/// A second factor for tests: users in `required` must give `code`.
struct FixedCodeVerifier: SecondFactorVerifier {
    let required: Set<ID<User>>
    let code: String
    var throwsOnVerify = false

    struct Failure: Error {}

    func isEnrolled(_ user: ID<User>) -> Bool { required.contains(user) }
    func isRequired(for user: ID<User>) -> Bool { required.contains(user) }
    func verify(code: String, for user: ID<User>, at date: Date) throws -> Bool {
        if throwsOnVerify { throw Failure() }
        return required.contains(user) && code == self.code
    }
}

/// A memory store with members and non-members, a manual clock and a cheap hasher.
struct IdentityFixture {
    static let memberProfile: ID<Profile> = "partnerUser"
    static let otherProfile: ID<Profile> = "employee"
    static let memberSet: ID<PermissionSet> = "portalAccess"
    static let password = "correct horse battery staple"

    let store = MemoryStore()
    let clock = ManualClock()
    let notifier = RecordingIdentityNotifier()
    let derivations = DerivationCounter()
    let log = EventLog()
    let service: IdentityService
    let site: SignInSite

    let alice: ID<User> = "alice"  // member by profile, with a password
    let bob: ID<User> = "bob"  // not a member, with a password
    let carol: ID<User> = "carol"  // member through a permission set group, with a password
    let dave: ID<User> = "dave"  // inactive member, with a password
    let erin: ID<User> = "erin"  // member without a password

    init(
        secondFactor: any SecondFactorVerifier = NoSecondFactor(), sessionPolicy: SessionPolicy = .standard,
        iterations: Int = 1_000
    ) throws {
        let counter = derivations
        let events = log
        service = IdentityService(
            store: store, clock: clock, notifier: notifier,
            hasher: .insecureForTesting(iterations: iterations, observer: { counter.record($0) }),
            secondFactor: secondFactor, onSecurityEvent: { events.record($0) })
        site = SignInSite(
            id: "partners", memberProfileIDs: [Self.memberProfile], memberPermissionSetIDs: [Self.memberSet],
            sessionPolicy: sessionPolicy)
        try store.write { tx in
            try tx.put(Profile(id: Self.memberProfile, name: "Partner User"))
            try tx.put(Profile(id: Self.otherProfile, name: "Employee"))
            try tx.put(PermissionSet(id: Self.memberSet, name: "Portal Access"))
            try tx.put(PermissionSetGroup(id: "portalBundle", name: "Portal Bundle", permissionSetIDs: [Self.memberSet]))
            try tx.put(Account(id: "acme", name: "Acme", owner: bob, isPartner: true))
            try tx.put(User(id: alice, kind: .partner, name: "Alice Adams", email: "alice@acme.example", profileID: Self.memberProfile, accountID: "acme"))
            try tx.put(User(id: bob, kind: .internal, name: "Bob Brown", email: "bob@corp.example", profileID: Self.otherProfile))
            try tx.put(
                User(id: carol, kind: .internal, name: "Carol Chen", email: "carol@corp.example", profileID: Self.otherProfile,
                     permissionSetGroupIDs: ["portalBundle"]))
            try tx.put(
                User(id: dave, kind: .partner, name: "Dave Diaz", email: "dave@acme.example", isActive: false, profileID: Self.memberProfile,
                     accountID: "acme"))
            try tx.put(User(id: erin, kind: .partner, name: "Erin Eze", email: "erin@acme.example", profileID: Self.memberProfile, accountID: "acme"))
        }
        for user in [alice, bob, carol, dave] { try service.setPassword(Self.password, for: user) }
    }

    /// Signs in and expects a session.
    func signIn(_ identifier: String, _ password: String = IdentityFixture.password, client: String = "192.0.2.1") throws -> IssuedSession {
        switch try service.signIn(identifier: identifier, password: password, site: site, clientAddress: client) {
        case .signedIn(let session): return session
        case .secondFactorRequired, .enrollmentRequired: throw IdentityError.secondFactorRejected
        }
    }
}
