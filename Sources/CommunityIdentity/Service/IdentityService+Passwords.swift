public import CommunityModel
import Foundation

extension IdentityService {
    /// Sets a user's password without asking for the current one: for registration and for an
    /// administrator. Clears the account's failure count.
    ///
    /// - Throws: ``IdentityError/passwordRejected(_:)`` when `policy` refuses the password,
    ///   ``IdentityError/invalidCredentials`` when no such user exists,
    ///   ``IdentityError/cryptographyUnavailable``, or the store's error.
    public func setPassword(_ password: String, for userID: ID<User>, policy: PasswordPolicy = .standard) throws {
        let now = clock.now()
        guard let user = try store.snapshot().value(userID) else { throw IdentityError.invalidCredentials }
        try check(password, for: user, policy: policy)
        let hash = try hasher.hash(password)
        try store.write { tx in
            var credential = try tx.value(Credential.id(for: userID))
                ?? Credential(userID: userID, passwordHash: hash, passwordChangedAt: now)
            credential.passwordHash = hash
            credential.passwordChangedAt = now
            credential.failures = FailureCounter()
            try tx.put(credential)
        }
        emit(.passwordChanged, user: userID, at: now)
    }

    /// Changes a signed-in user's password, which requires the current one. Ends the user's other
    /// sessions (all but `keeping`, usually the session making the change).
    ///
    /// A wrong current password counts toward the account's backoff; while the account is
    /// locked even the right one is refused.
    ///
    /// - Throws: ``IdentityError/currentPasswordIncorrect`` (wrong, or locked),
    ///   ``IdentityError/passwordRejected(_:)``, ``IdentityError/noPasswordCredential``,
    ///   ``IdentityError/cryptographyUnavailable``, or the store's error.
    public func changePassword(
        for userID: ID<User>, current: String, new: String, policy: PasswordPolicy = .standard, keeping: ID<Session>? = nil
    ) throws {
        let now = clock.now()
        let snapshot = store.snapshot()
        guard let user = try snapshot.value(userID), let credential = try snapshot.value(Credential.id(for: userID)) else {
            throw IdentityError.noPasswordCredential
        }
        guard current.utf8.count <= policy.maximumBytes else {
            _ = hasher.verifyAgainstDummy(Array(current.utf8.prefix(policy.maximumBytes)))
            throw IdentityError.currentPasswordIncorrect
        }
        let locked = credential.failures.lockedUntil(at: now, threshold: lockout.accountThreshold, policy: lockout) != nil
        let matches = hasher.verify(current, against: credential.passwordHash)
        guard matches, !locked else {
            if !locked { try recordAccountFailure(userID, at: now, site: nil, client: nil) }
            emit(.signInFailed, locked ? .accountLocked : .wrongPassword, user: userID, at: now)
            throw IdentityError.currentPasswordIncorrect
        }
        try check(new, for: user, policy: policy)
        let hash = try hasher.hash(new)
        try store.write { tx in
            guard var stored = try tx.value(Credential.id(for: userID)) else { throw IdentityError.noPasswordCredential }
            stored.passwordHash = hash
            stored.passwordChangedAt = now
            stored.failures = FailureCounter()
            try tx.put(stored)
            _ = try Self.deleteSessions(of: userID, in: tx, except: keeping)
        }
        emit(.passwordChanged, user: userID, at: now)
    }

    /// Whether the user has a password credential.
    public func hasPassword(_ userID: ID<User>) throws -> Bool {
        try store.snapshot().get(Credential.id(for: userID)) != nil
    }

    func check(_ password: String, for user: User, policy: PasswordPolicy) throws(IdentityError) {
        do {
            try policy.check(password, identities: [user.email, user.id.rawValue, user.email.split(separator: "@").first.map(String.init) ?? ""])
        } catch {
            throw .passwordRejected(error)
        }
    }
}
