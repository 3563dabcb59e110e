public import CommunityModel
public import Foundation

/// TOTP two-factor sign-in over the store: enrollment confirmed by a first code, codes
/// checked within one step either side with replay prevention, one-time recovery codes,
/// and a per-profile requirement.
///
/// It is the ``SecondFactorVerifier`` sign-in consults. Every check that consumes a code runs
/// in one store transaction, so two sign-ins racing with the same code cannot both succeed.
public struct TwoFactorService: SecondFactorVerifier {
    private let store: any Store
    private let clock: any WallClock
    private let issuer: String
    private let sealer: SecretSealer
    private let policy: TwoFactorPolicy
    private let window: Int

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - store: where enrollments live.
    ///   - clock: the time enrollment confirmation is checked against.
    ///   - issuer: the service name authenticator apps show, such as `"Northwind Cloud"`.
    ///   - sealer: how secrets are kept; pass a keyed ``SecretSealer`` so that a database dump
    ///     alone cannot generate codes. Defaults to plain storage.
    ///   - policy: which profiles must use a second factor.
    ///   - window: how many 30-second steps either side of now a code may come from (0 to 10, default 1).
    public init(
        store: any Store, clock: any WallClock, issuer: String, sealer: SecretSealer = .plain,
        policy: TwoFactorPolicy = .optional, window: Int = 1
    ) {
        self.store = store
        self.clock = clock
        self.issuer = issuer
        self.sealer = sealer
        self.policy = policy
        self.window = min(max(window, 0), 10)
    }

    // MARK: Enrollment

    /// Starts (or restarts) enrollment: generates a 160-bit secret and stores it pending.
    /// The enrollment protects nothing until ``confirmEnrollment(for:code:)`` accepts a code.
    ///
    /// - Throws: ``TwoFactorError/unknownUser(_:)``, ``TwoFactorError/alreadyEnrolled(user:)``
    ///   when an active enrollment exists, ``TwoFactorError/randomnessUnavailable``, or a store error.
    public func beginEnrollment(for user: ID<User>) throws -> TwoFactorSetup {
        guard let secret = SecureRandom.bytes(20) else { throw TwoFactorError.randomnessUnavailable }
        let generator = try TimeBasedOneTimePassword(secret: secret)
        let sealed = try sealer.seal(secret, context: user.rawValue)
        let now = clock.now()
        let account = try store.write { tx -> String in
            guard let record = try tx.value(user) else { throw TwoFactorError.unknownUser(user.rawValue) }
            let existing = try tx.get(user.retyped(as: TwoFactorEnrollment.self))
            if existing?.value.status == .active { throw TwoFactorError.alreadyEnrolled(user: user.rawValue) }
            let enrollment = TwoFactorEnrollment(
                userID: user, status: .pending, secret: sealed, algorithm: generator.algorithm, digits: generator.digits,
                period: generator.period, createdAt: now)
            try tx.put(enrollment, expecting: existing.map { .exactly($0.version) } ?? .absent)
            return record.email
        }
        return TwoFactorSetup(
            secret: Base32.encode(secret), uri: ProvisioningURI(generator: generator, issuer: issuer, account: account))
    }

    /// Activates a pending enrollment with a first valid code, and returns a fresh set of
    /// recovery codes to show the user once.
    ///
    /// - Throws: ``TwoFactorError/notEnrolled(user:)`` without a pending enrollment,
    ///   ``TwoFactorError/invalidCode`` for a wrong code, or a store error.
    public func confirmEnrollment(for user: ID<User>, code: String) throws -> [String] {
        let recovery = try RecoveryCodes.generate()
        let now = clock.now()
        try store.write { tx in
            guard let stored = try tx.get(user.retyped(as: TwoFactorEnrollment.self)), stored.value.status == .pending else {
                throw TwoFactorError.notEnrolled(user: user.rawValue)
            }
            var enrollment = stored.value
            guard let step = try generator(for: enrollment).matchingStep(for: code, at: now, window: window) else {
                throw TwoFactorError.invalidCode
            }
            enrollment.status = .active
            enrollment.activatedAt = now
            enrollment.lastUsedStep = step
            enrollment.recoveryCodeDigests = recovery.digests
            try tx.put(enrollment, expecting: .exactly(stored.version))
        }
        return recovery.codes
    }

    /// Replaces all of an active enrollment's recovery codes with a fresh set, returned once.
    ///
    /// - Throws: ``TwoFactorError/notEnrolled(user:)`` without an active enrollment, or a store error.
    public func regenerateRecoveryCodes(for user: ID<User>) throws -> [String] {
        let recovery = try RecoveryCodes.generate()
        try store.write { tx in
            guard let stored = try tx.get(user.retyped(as: TwoFactorEnrollment.self)), stored.value.status == .active else {
                throw TwoFactorError.notEnrolled(user: user.rawValue)
            }
            var enrollment = stored.value
            enrollment.recoveryCodeDigests = recovery.digests
            try tx.put(enrollment, expecting: .exactly(stored.version))
        }
        return recovery.codes
    }

    /// How many unused recovery codes the user has (0 when not enrolled).
    public func remainingRecoveryCodes(for user: ID<User>) throws -> Int {
        try store.snapshot().value(user.retyped(as: TwoFactorEnrollment.self))?.recoveryCodeDigests.count ?? 0
    }

    /// Removes the user's enrollment, pending or active, with its recovery codes.
    public func disable(for user: ID<User>) throws {
        try store.write { tx in try tx.delete(user.retyped(as: TwoFactorEnrollment.self)) }
    }

    // MARK: Sign-in

    /// Whether the user has an active (confirmed) enrollment. A store failure answers false;
    /// ``isRequired(for:)`` fails closed instead.
    public func isEnrolled(_ user: ID<User>) -> Bool {
        (try? store.snapshot().value(user.retyped(as: TwoFactorEnrollment.self)))??.status == .active
    }

    /// Whether sign-in must complete a second factor: the user enrolled one, or the policy
    /// requires one for the user's profile. Fails closed: an unknown user or a store failure answers true.
    public func isRequired(for user: ID<User>) -> Bool {
        do {
            let snapshot = store.snapshot()
            if try snapshot.value(user.retyped(as: TwoFactorEnrollment.self))?.status == .active { return true }
            guard let record = try snapshot.value(user) else { return true }
            return policy.requires(record)
        } catch {
            return true
        }
    }

    /// Whether `code` (a TOTP code or an unused recovery code) proves the second factor at
    /// `date`, consuming it. A wrong, replayed or spent code, or a user without an active
    /// enrollment, answers false.
    ///
    /// - Throws: a store error, or ``TwoFactorError/secretUnavailable(user:)`` when the secret
    ///   is sealed under a key this service does not hold.
    public func verify(code: String, for user: ID<User>, at date: Date) throws -> Bool {
        do {
            _ = try authenticate(code: code, for: user, at: date)
            return true
        } catch TwoFactorError.invalidCode, TwoFactorError.codeAlreadyUsed, TwoFactorError.notEnrolled {
            return false
        }
    }

    /// Checks and consumes a second factor, saying which kind it was.
    ///
    /// A TOTP code is accepted for a step within the window of `date` that is later than
    /// the last step used; the step is then recorded, so the code (and any earlier one)
    /// cannot be used again. A recovery code is removed once used.
    ///
    /// - Throws: ``TwoFactorError/notEnrolled(user:)``, ``TwoFactorError/invalidCode``,
    ///   ``TwoFactorError/codeAlreadyUsed``, a sealing error, or a store error.
    public func authenticate(code: String, for user: ID<User>, at date: Date) throws -> SecondFactorMethod {
        try store.write { tx -> SecondFactorMethod in
            guard let stored = try tx.get(user.retyped(as: TwoFactorEnrollment.self)), stored.value.status == .active else {
                throw TwoFactorError.notEnrolled(user: user.rawValue)
            }
            var enrollment = stored.value
            if let digest = RecoveryCodes.digest(code) {
                let given = Array(digest.utf8)
                var matched: Int?
                for (index, candidate) in enrollment.recoveryCodeDigests.enumerated() {
                    let equal = ConstantTime.equals(Array(candidate.utf8), given)
                    if equal, matched == nil { matched = index }
                }
                guard let matched else { throw TwoFactorError.invalidCode }
                enrollment.recoveryCodeDigests.remove(at: matched)
                try tx.put(enrollment, expecting: .exactly(stored.version))
                return .recoveryCode(remaining: enrollment.recoveryCodeDigests.count)
            }
            guard let step = try generator(for: enrollment).matchingStep(for: code, at: date, window: window) else {
                throw TwoFactorError.invalidCode
            }
            if let last = enrollment.lastUsedStep, step <= last { throw TwoFactorError.codeAlreadyUsed }
            enrollment.lastUsedStep = step
            try tx.put(enrollment, expecting: .exactly(stored.version))
            return .timeBasedCode
        }
    }

    /// The generator of a stored enrollment, its secret opened with this service's sealer.
    private func generator(for enrollment: TwoFactorEnrollment) throws(TwoFactorError) -> TimeBasedOneTimePassword {
        let secret = try sealer.open(enrollment.secret, context: enrollment.userID.rawValue)
        return try TimeBasedOneTimePassword(
            secret: secret, algorithm: enrollment.algorithm, digits: enrollment.digits, period: enrollment.period)
    }
}
