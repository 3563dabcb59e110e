public import CommunityModel
public import Foundation

extension IdentityService {
    /// The least time between two reset links sent to one user (60 seconds).
    public static let resetRequestInterval: TimeInterval = 60

    /// Starts a password reset for the user an identifier (e-mail address or user id) names, and
    /// delivers the link through the ``IdentityNotifier``.
    ///
    /// Answers the same, returning normally, whether or not such a user exists: nothing is
    /// delivered for an unknown or inactive user, a user without a password credential (single
    /// sign-on users cannot gain one this way), or a non-member of `site`. A new request replaces
    /// the user's earlier reset links; within ``resetRequestInterval`` of the last one it is
    /// ignored (still answering the same).
    ///
    /// - Throws: only the store's error or ``IdentityError/cryptographyUnavailable``.
    public func requestPasswordReset(identifier: String, site: SignInSite? = nil) throws {
        let now = clock.now()
        let snapshot = store.snapshot()
        guard let user = try resolveUser(identifier, in: snapshot), try snapshot.get(Credential.id(for: user.id)) != nil,
              try site.map({ try isMember(user, of: $0, in: snapshot) }) ?? true
        else { return }
        // One link a minute per user at most, so the endpoint cannot flood someone's inbox.
        let outstanding = try snapshot.query(Query<PasswordResetToken>().where("userID", equals: .reference(user.id.rawValue)))
        guard !outstanding.contains(where: { now.timeIntervalSince($0.value.createdAt) < Self.resetRequestInterval }) else {
            emit(.passwordResetRequested, .throttled, user: user.id, site: site?.id, at: now)
            return
        }
        let token = try SecretToken.generate()
        let record = PasswordResetToken(
            id: ID(token.digest), userID: user.id, createdAt: now, expiresAt: now.addingTimeInterval(configuration.passwordResetLifetime))  // trap-safe: a digest is 64 lower-case hex digits
        try store.write { tx in
            for earlier in try tx.query(Query<PasswordResetToken>().where("userID", equals: .reference(user.id.rawValue))) {
                try tx.delete(earlier.value.id)
            }
            try tx.put(record)
        }
        emit(.passwordResetRequested, user: user.id, site: site?.id, at: now)
        deliver(
            IdentityMessage(
                purpose: .passwordReset, userID: user.id, email: user.email, siteID: site?.id,
                linkPath: "\(configuration.passwordResetPath)?token=\(token.text)"), at: now)
    }

    /// Sets a new password with a reset token, consuming the token and ending every session of
    /// the user.
    ///
    /// - Throws: ``IdentityError/invalidOrExpiredToken`` for a forged, expired or already used
    ///   token (alike); ``IdentityError/passwordRejected(_:)`` when `policy` refuses the password
    ///   (the token then stays usable); ``IdentityError/cryptographyUnavailable``; the store's error.
    public func resetPassword(token: String, newPassword: String, policy: PasswordPolicy = .standard) throws {
        let now = clock.now()
        let snapshot = store.snapshot()
        guard let parsed = SecretToken(parsing: token), let id = try? ID<PasswordResetToken>(parsing: parsed.digest),
              let record = try snapshot.value(id)
        else { try rejectToken(user: nil, at: now) }
        guard now < record.expiresAt, let user = try snapshot.value(record.userID), user.isActive else {
            try store.write { tx in try tx.delete(id) }
            try rejectToken(user: record.userID, at: now)
        }
        try check(newPassword, for: user, policy: policy)
        let hash = try hasher.hash(newPassword)
        let consumed = try store.write { tx -> Bool in
            guard try tx.get(id) != nil else { return false }  // used concurrently
            for outstanding in try tx.query(Query<PasswordResetToken>().where("userID", equals: .reference(user.id.rawValue))) {
                try tx.delete(outstanding.value.id)
            }
            var credential = try tx.value(Credential.id(for: user.id))
                ?? Credential(userID: user.id, passwordHash: hash, passwordChangedAt: now)
            credential.passwordHash = hash
            credential.passwordChangedAt = now
            credential.failures = FailureCounter()
            try tx.put(credential)
            _ = try Self.deleteSessions(of: user.id, in: tx, except: nil)
            return true
        }
        guard consumed else { try rejectToken(user: user.id, at: now) }
        emit(.passwordReset, user: user.id, at: now)
    }

    /// Sends a user a link that proves they receive mail at their current address (after
    /// self-registration, or an address change). Replaces earlier links; does nothing for an
    /// unknown or inactive user.
    ///
    /// - Throws: only the store's error or ``IdentityError/cryptographyUnavailable``.
    public func startEmailVerification(for userID: ID<User>, site: SignInSite? = nil) throws {
        let now = clock.now()
        guard let user = try store.snapshot().value(userID), user.isActive else { return }
        let token = try SecretToken.generate()
        let record = EmailVerificationToken(
            id: ID(token.digest), userID: userID, email: user.email, createdAt: now,  // trap-safe: a digest is 64 lower-case hex digits
            expiresAt: now.addingTimeInterval(configuration.emailVerificationLifetime))
        try store.write { tx in
            for earlier in try tx.query(Query<EmailVerificationToken>().where("userID", equals: .reference(userID.rawValue))) {
                try tx.delete(earlier.value.id)
            }
            try tx.put(record)
        }
        deliver(
            IdentityMessage(
                purpose: .emailVerification, userID: userID, email: user.email, siteID: site?.id,
                linkPath: "\(configuration.emailVerificationPath)?token=\(token.text)"), at: now)
    }

    /// Marks the address a verification token was sent to as verified, consuming the token.
    ///
    /// - Returns: the verified user.
    /// - Throws: ``IdentityError/invalidOrExpiredToken`` for a forged, expired or used token, or
    ///   one sent to an address the user no longer has; the store's error.
    @discardableResult
    public func verifyEmail(token: String) throws -> ID<User> {
        let now = clock.now()
        let snapshot = store.snapshot()
        guard let parsed = SecretToken(parsing: token), let id = try? ID<EmailVerificationToken>(parsing: parsed.digest),
              let record = try snapshot.value(id)
        else { try rejectToken(user: nil, at: now) }
        guard now < record.expiresAt, let user = try snapshot.value(record.userID), user.isActive,
              user.email.lowercased() == record.email.lowercased()
        else {
            try store.write { tx in try tx.delete(id) }
            try rejectToken(user: record.userID, at: now)
        }
        let consumed = try store.write { tx -> Bool in
            guard try tx.get(id) != nil else { return false }
            try tx.delete(id)
            try tx.put(VerifiedEmail(userID: user.id, email: record.email, verifiedAt: now))
            return true
        }
        guard consumed else { try rejectToken(user: user.id, at: now) }
        emit(.emailVerified, user: user.id, at: now)
        return user.id
    }

    /// Whether the user's current e-mail address is verified.
    public func isEmailVerified(_ userID: ID<User>) throws -> Bool {
        let snapshot = store.snapshot()
        guard let user = try snapshot.value(userID), let verified = try snapshot.value(VerifiedEmail.id(for: userID)) else { return false }
        return verified.email.lowercased() == user.email.lowercased()
    }

    func rejectToken(user: ID<User>?, at now: Date) throws -> Never {
        emit(.tokenRejected, user: user, at: now)
        throw IdentityError.invalidOrExpiredToken
    }

    func deliver(_ message: IdentityMessage, at now: Date) {
        do { try notifier.deliver(message) } catch { emit(.notificationFailed, user: message.userID, site: message.siteID, at: now) }
    }
}
