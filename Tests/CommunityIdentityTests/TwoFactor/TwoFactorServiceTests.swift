import CommunityIdentity
import CommunityModel
import Foundation
import Testing

@Suite("Two-factor enrollment, sign-in checks, recovery codes and policy")
struct TwoFactorServiceTests {
    let store = MemoryStore()
    let clock = ManualClock(Date(timeIntervalSince1970: 1_767_225_600))
    let user: ID<User> = "usr-bo"
    let admin: ID<User> = "usr-admin"
    let adminProfile: ID<Profile> = "prof-admin"

    init() throws {
        try store.write { tx in
            try tx.put(User(id: user, kind: .internal, name: "Bo Lee", email: "bo@example.com", profileID: "prof-std"))
            try tx.put(User(id: admin, kind: .internal, name: "Ada Admin", email: "ada@example.com", profileID: adminProfile))
        }
    }

    func service(sealer: SecretSealer = .plain, policy: TwoFactorPolicy = .optional) -> TwoFactorService {
        TwoFactorService(store: store, clock: clock, issuer: "Northwind Cloud", sealer: sealer, policy: policy)
    }

    func generator(_ setup: TwoFactorSetup) throws -> TimeBasedOneTimePassword {
        try TimeBasedOneTimePassword(secret: try #require(Base32.decode(setup.secret)))
    }

    /// Enrolls `user` and returns the generator and the recovery codes.
    func enroll(_ twoFactor: TwoFactorService) throws -> (TimeBasedOneTimePassword, [String]) {
        let setup = try twoFactor.beginEnrollment(for: user)
        let totp = try generator(setup)
        let codes = try twoFactor.confirmEnrollment(for: user, code: try #require(totp.code(at: clock.now())))
        return (totp, codes)
    }

    @Test("enrollment stays pending, protecting nothing, until a first valid code confirms it")
    func enrollmentNeedsConfirmation() throws {
        let twoFactor = service()
        let setup = try twoFactor.beginEnrollment(for: user)
        #expect(setup.uri.text.hasPrefix("otpauth://totp/Northwind%20Cloud:bo%40example.com?secret=\(setup.secret)&"))
        #expect(try #require(Base32.decode(setup.secret)).count == 20)
        #expect(!twoFactor.isEnrolled(user))
        #expect(!twoFactor.isRequired(for: user))
        let totp = try generator(setup)
        let code = try #require(totp.code(at: clock.now()))
        #expect(try !twoFactor.verify(code: code, for: user, at: clock.now()))  // pending: not a sign-in factor yet
        let wrong = try #require(totp.step(at: clock.now())).advanced(by: 5)
        #expect(throws: TwoFactorError.invalidCode) { try twoFactor.confirmEnrollment(for: user, code: totp.code(forStep: wrong)) }
        let recovery = try twoFactor.confirmEnrollment(for: user, code: code)
        #expect(recovery.count == 10)
        #expect(twoFactor.isEnrolled(user))
        #expect(twoFactor.isRequired(for: user))
        #expect(throws: TwoFactorError.alreadyEnrolled(user: user.rawValue)) { try twoFactor.beginEnrollment(for: user) }
        #expect(throws: TwoFactorError.notEnrolled(user: user.rawValue)) { try twoFactor.confirmEnrollment(for: user, code: code) }
        #expect(throws: TwoFactorError.unknownUser("usr-nobody")) { try twoFactor.beginEnrollment(for: "usr-nobody") }
    }

    @Test("codes within one step are accepted once; a used step and earlier steps are refused")
    func replayIsRefused() throws {
        let twoFactor = service()
        let (totp, _) = try enroll(twoFactor)
        // The confirming code's step is used: the same code is refused right away.
        let now = clock.now()
        #expect(try !twoFactor.verify(code: try #require(totp.code(at: now)), for: user, at: now))
        #expect(throws: TwoFactorError.codeAlreadyUsed) {
            try twoFactor.authenticate(code: try #require(totp.code(at: now)), for: user, at: now)
        }
        let later = now.addingTimeInterval(30)
        let next = try #require(totp.code(at: later))
        #expect(try twoFactor.verify(code: next, for: user, at: later))
        #expect(try !twoFactor.verify(code: next, for: user, at: later))  // replayed
        // Two steps ahead is outside the window; the next step, seen 30 s early, is inside.
        let ahead = try #require(totp.code(at: later.addingTimeInterval(60)))
        #expect(try !twoFactor.verify(code: ahead, for: user, at: later))
        #expect(try twoFactor.verify(code: try #require(totp.code(at: later.addingTimeInterval(30))), for: user, at: later))
        #expect(try !twoFactor.verify(code: "abcdef", for: user, at: later))
        #expect(try !twoFactor.verify(code: next, for: admin, at: later))  // not enrolled
    }

    @Test("of many sign-ins racing with one fresh code, exactly one is accepted")
    func concurrentReplay() async throws {
        let twoFactor = service()
        let (totp, codes) = try enroll(twoFactor)
        let later = clock.now().addingTimeInterval(30)
        let code = try #require(totp.code(at: later))
        let userID = user
        let accepted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask { (try? twoFactor.verify(code: code, for: userID, at: later)) ?? false }
                group.addTask { (try? twoFactor.verify(code: codes[3], for: userID, at: later)) ?? false }
            }
            var count = 0
            for await ok in group where ok { count += 1 }
            return count
        }
        #expect(accepted == 2)  // the TOTP code once, the recovery code once
        #expect(try twoFactor.remainingRecoveryCodes(for: user) == 9)
    }

    @Test("enrollments encode and decode unchanged (the JSON a durable store keeps)")
    func enrollmentCodable() throws {
        let twoFactor = service(sealer: try SecretSealer(key: try #require(SecureRandom.bytes(32))))
        _ = try enroll(twoFactor)
        let stored = try #require(try store.snapshot().value(user.retyped(as: TwoFactorEnrollment.self)))
        let decoded = try JSONDecoder().decode(TwoFactorEnrollment.self, from: JSONEncoder().encode(stored))
        #expect(decoded == stored)
        #expect(decoded.status == .active && decoded.lastUsedStep != nil)
    }

    @Test("recovery codes work once each, in any case and spacing; regenerating replaces them all")
    func recoveryCodes() throws {
        let twoFactor = service()
        let (_, codes) = try enroll(twoFactor)
        #expect(Set(codes).count == 10)
        for code in codes {
            #expect(code.count == 14 && code.split(separator: "-").count == 3)
        }
        #expect(try twoFactor.authenticate(code: codes[0].uppercased(), for: user, at: clock.now()) == .recoveryCode(remaining: 9))
        #expect(try !twoFactor.verify(code: codes[0], for: user, at: clock.now()))
        #expect(try twoFactor.verify(code: codes[1].replacingOccurrences(of: "-", with: " "), for: user, at: clock.now()))
        #expect(try twoFactor.remainingRecoveryCodes(for: user) == 8)
        let fresh = try twoFactor.regenerateRecoveryCodes(for: user)
        #expect(try twoFactor.remainingRecoveryCodes(for: user) == 10)
        #expect(try !twoFactor.verify(code: codes[2], for: user, at: clock.now()))
        #expect(try twoFactor.verify(code: fresh[2], for: user, at: clock.now()))
        #expect(throws: TwoFactorError.notEnrolled(user: admin.rawValue)) { try twoFactor.regenerateRecoveryCodes(for: admin) }
        #expect(RecoveryCodes.digest("short") == nil)
        #expect(RecoveryCodes.digest("iiii-iiii-iiii") == nil)  // i is not in the alphabet
    }

    @Test("the stored enrollment holds digests, never the recovery codes themselves")
    func recoveryCodesStoredHashed() throws {
        let twoFactor = service()
        let (_, codes) = try enroll(twoFactor)
        let stored = try #require(try store.snapshot().value(user.retyped(as: TwoFactorEnrollment.self)))
        let dump = String(decoding: try JSONEncoder().encode(stored), as: UTF8.self)
        for code in codes {
            #expect(!dump.contains(code) && !dump.contains(code.replacingOccurrences(of: "-", with: "")))
        }
        #expect(stored.recoveryCodeDigests.count == 10)
    }

    @Test("the policy requires a second factor of users whose profile says so, enrolled or not")
    func policy() throws {
        let twoFactor = service(policy: TwoFactorPolicy(requiredFor: [adminProfile]))
        #expect(twoFactor.isRequired(for: admin))
        #expect(!twoFactor.isEnrolled(admin))
        #expect(!twoFactor.isRequired(for: user))
        #expect(twoFactor.isRequired(for: "usr-unknown"))  // fails closed
        #expect(try !twoFactor.verify(code: "123456", for: admin, at: clock.now()))
    }

    @Test("with a host key, the stored secret is AES-256-GCM ciphertext that only that key opens")
    func sealedSecrets() throws {
        let key = try #require(SecureRandom.bytes(32))
        let twoFactor = service(sealer: try SecretSealer(key: key))
        let setup = try twoFactor.beginEnrollment(for: user)
        let stored = try #require(try store.snapshot().value(user.retyped(as: TwoFactorEnrollment.self)))
        let secret = try #require(Base32.decode(setup.secret))
        #expect(stored.secret.scheme == .aes256GCM)
        #expect(stored.secret.content != ByteEncoding.base64URL(secret))
        let totp = try generator(setup)
        _ = try twoFactor.confirmEnrollment(for: user, code: try #require(totp.code(at: clock.now())))
        let later = clock.now().addingTimeInterval(30)
        // Without the key, or with another, the secret cannot be opened: verification fails closed.
        #expect(throws: TwoFactorError.secretUnavailable(user: user.rawValue)) {
            try service().verify(code: try #require(totp.code(at: later)), for: user, at: later)
        }
        let otherKey = try SecretSealer(key: try #require(SecureRandom.bytes(32)))
        #expect(throws: TwoFactorError.secretUnavailable(user: user.rawValue)) {
            try service(sealer: otherKey).verify(code: try #require(totp.code(at: later)), for: user, at: later)
        }
        #expect(try twoFactor.verify(code: try #require(totp.code(at: later)), for: user, at: later))
    }

    @Test("a sealed secret is bound to its user and detects tampering")
    func sealerBinding() throws {
        let sealer = try SecretSealer(key: try #require(SecureRandom.bytes(32)))
        let secret = try #require(SecureRandom.bytes(20))
        let sealed = try sealer.seal(secret, context: "usr-a")
        #expect(try sealer.open(sealed, context: "usr-a") == secret)
        #expect(throws: TwoFactorError.secretUnavailable(user: "usr-b")) { try sealer.open(sealed, context: "usr-b") }
        var tampered = sealed
        tampered.tag = ByteEncoding.base64URL([UInt8](repeating: 0, count: 16))
        #expect(throws: TwoFactorError.secretUnavailable(user: "usr-a")) { try sealer.open(tampered, context: "usr-a") }
        var garbled = sealed
        garbled.nonce = "!!"
        #expect(throws: TwoFactorError.corruptSecret(user: "usr-a")) { try sealer.open(garbled, context: "usr-a") }
        #expect(throws: TwoFactorError.invalidSealingKey) { try SecretSealer(key: [1, 2, 3]) }
        let plain = try SecretSealer.plain.seal(secret, context: "usr-a")
        #expect(plain.scheme == .plain)
        #expect(try SecretSealer.plain.open(plain, context: "usr-a") == secret)
        // A keyed sealer refuses a plain secret planted in the database.
        #expect(throws: TwoFactorError.secretUnavailable(user: "usr-a")) { try sealer.open(plain, context: "usr-a") }
        #expect(!SecretSealer.plain.encrypts && sealer.encrypts)
    }

    @Test("secrets stay out of descriptions (logs)")
    func redaction() throws {
        let twoFactor = service()
        let setup = try twoFactor.beginEnrollment(for: user)
        let totp = try generator(setup)
        let stored = try #require(try store.snapshot().value(user.retyped(as: TwoFactorEnrollment.self)))
        for text in [String(describing: setup), String(describing: setup.uri), String(describing: totp), String(describing: stored.secret)] {
            #expect(!text.contains(setup.secret) && !text.contains(stored.secret.content))
        }
        #expect(setup.uri.text.contains(setup.secret))
    }

    @Test("disabling removes the enrollment")
    func disable() throws {
        let twoFactor = service()
        _ = try enroll(twoFactor)
        try twoFactor.disable(for: user)
        #expect(!twoFactor.isEnrolled(user))
        #expect(try twoFactor.remainingRecoveryCodes(for: user) == 0)
    }
}
