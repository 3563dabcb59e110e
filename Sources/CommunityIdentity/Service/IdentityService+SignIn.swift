public import CommunityModel
import Foundation

extension IdentityService {
    /// Signs a user in to a site with an identifier (e-mail address or user id) and password.
    ///
    /// Every refusal throws ``IdentityError/invalidCredentials`` after one key derivation, so an
    /// unknown user, a wrong password, a locked account, a throttled client address and a
    /// non-member cannot be told apart; the reason goes to `onSecurityEvent`. A wrong password
    /// counts toward the account's and the client address's backoff; a correct one clears the
    /// account's count and rehashes a password stored at a lower cost.
    ///
    /// - Returns: ``SignInResult/signedIn(_:)`` with a fresh session (a new token on every
    ///   sign-in), ``SignInResult/secondFactorRequired(_:)`` when the ``SecondFactorVerifier``
    ///   requires one and the user has enrolled one, or ``SignInResult/enrollmentRequired(_:)``
    ///   when it requires one the user has not enrolled yet.
    /// - Throws: ``IdentityError/invalidCredentials``, ``IdentityError/cryptographyUnavailable``,
    ///   or the store's error.
    public func signIn(identifier: String, password: String, site: SignInSite, clientAddress: String) throws -> SignInResult {
        let now = clock.now()
        let maximumBytes = site.passwordPolicy.maximumBytes
        // Oversize input is refused after the same work as any other failure, hashing a bounded prefix.
        guard password.utf8.count <= maximumBytes else {
            _ = hasher.verifyAgainstDummy(Array(password.utf8.prefix(maximumBytes)))
            try refuse(.oversizeInput, user: nil, site: site, client: clientAddress, at: now)
        }
        if clientThrottle.lockedUntil(clientAddress, at: now) != nil {
            _ = hasher.verifyAgainstDummy(PasswordText.bytes(password))
            emit(.signInFailed, .clientThrottled, site: site.id, client: clientAddress, at: now)
            throw IdentityError.invalidCredentials
        }
        let snapshot = store.snapshot()
        guard let user = try resolveUser(identifier, in: snapshot) else {
            _ = hasher.verifyAgainstDummy(PasswordText.bytes(password))
            try refuse(.unknownUser, user: nil, site: site, client: clientAddress, at: now)
        }
        guard try isMember(user, of: site, in: snapshot) else {
            _ = hasher.verifyAgainstDummy(PasswordText.bytes(password))
            try refuse(.notMember, user: user.id, site: site, client: clientAddress, at: now)
        }
        guard let credential = try snapshot.value(Credential.id(for: user.id)) else {
            _ = hasher.verifyAgainstDummy(PasswordText.bytes(password))
            try refuse(.noCredential, user: user.id, site: site, client: clientAddress, at: now)
        }
        if credential.failures.lockedUntil(at: now, threshold: lockout.accountThreshold, policy: lockout) != nil {
            // Locked: spend the same work, and refuse even a correct password.
            _ = hasher.verify(password, against: credential.passwordHash)
            try refuse(.accountLocked, user: user.id, site: site, client: clientAddress, at: now)
        }
        guard hasher.verify(password, against: credential.passwordHash) else {
            try recordAccountFailure(user.id, at: now, site: site.id, client: clientAddress)
            try refuse(.wrongPassword, user: user.id, site: site, client: clientAddress, at: now)
        }
        // With a second factor due, the failure count is cleared only once the code is right, so
        // re-entering a known password cannot reset the backoff on guessing codes.
        let secondFactorDue = secondFactor.isRequired(for: user.id)
        let clearFailures = !secondFactorDue && credential.failures.count > 0
        let rehashed = hasher.needsRehash(credential.passwordHash) ? try hasher.hash(password) : nil
        if rehashed != nil || clearFailures {
            try store.write { tx in
                guard var current = try tx.value(Credential.id(for: user.id)) else { return }
                if clearFailures { current.failures = FailureCounter() }
                if let rehashed, current.passwordHash == credential.passwordHash { current.passwordHash = rehashed }
                try tx.put(current)
            }
        }
        // Signed in only once a session is issued: with a second factor due, completing it
        // reports the sign-in (one event per sign-in, which the community's sign-in count uses).
        if !secondFactorDue { emit(.signedIn, user: user.id, site: site.id, client: clientAddress, at: now) }
        if secondFactorDue {
            let token = try SecretToken.generate()
            let expiresAt = now.addingTimeInterval(configuration.pendingSignInLifetime)
            let needsEnrollment = !secondFactor.isEnrolled(user.id)
            let pending = PendingSecondFactor(
                id: ID(token.digest), userID: user.id, siteID: site.id, idleTimeout: site.sessionPolicy.idleTimeout,  // trap-safe: a digest is 64 lower-case hex digits
                absoluteTimeout: site.sessionPolicy.absoluteTimeout, expiresAt: expiresAt, needsEnrollment: needsEnrollment)
            try store.write { tx in try tx.put(pending) }
            let handle = PendingSignIn(token: token.text, userID: user.id, expiresAt: expiresAt)
            return needsEnrollment ? .enrollmentRequired(handle) : .secondFactorRequired(handle)
        }
        return .signedIn(
            try issueSession(
                for: user.id, siteID: site.id, idleTimeout: site.sessionPolicy.idleTimeout,
                absoluteTimeout: site.sessionPolicy.absoluteTimeout, at: now))
    }

    /// Issues a session to a user whom something other than a password has already
    /// authenticated: single sign-on (an OIDC ID token or SAML assertion verified by the
    /// `SingleSignOn` code), or a host's own mechanism. Membership is checked as for
    /// ``signIn(identifier:password:site:clientAddress:)``; no second factor is asked (the
    /// identity provider is responsible for its own).
    ///
    /// - Throws: ``IdentityError/invalidCredentials`` when the user is unknown, inactive, a guest
    ///   or not a member of the site; ``IdentityError/cryptographyUnavailable``; the store's error.
    public func signInAuthenticated(_ userID: ID<User>, site: SignInSite, clientAddress: String) throws -> IssuedSession {
        let now = clock.now()
        let snapshot = store.snapshot()
        guard let user = try snapshot.value(userID), user.isActive, user.kind != .guest, try isMember(user, of: site, in: snapshot)
        else {
            emit(.signInFailed, .notMember, user: userID, site: site.id, client: clientAddress, at: now)
            throw IdentityError.invalidCredentials
        }
        emit(.signedIn, user: userID, site: site.id, client: clientAddress, at: now)
        return try issueSession(
            for: userID, siteID: site.id, idleTimeout: site.sessionPolicy.idleTimeout, absoluteTimeout: site.sessionPolicy.absoluteTimeout,
            at: now)
    }

    /// Completes a sign-in that required a second factor.
    ///
    /// A wrong code counts toward the account's and client address's backoff (while either is in
    /// backoff every code is refused, unchecked); after
    /// ``IdentityConfiguration/maximumSecondFactorAttempts`` wrong codes the pending sign-in is
    /// discarded. The pending token is single-use: a correct code consumes it.
    ///
    /// - Throws: ``IdentityError/invalidOrExpiredToken`` for a forged, expired, used or discarded
    ///   pending token; ``IdentityError/secondFactorRejected`` for a wrong code, a throttled client
    ///   or a verifier that throws; the store's error.
    public func completeSecondFactor(_ pendingToken: String, code: String, clientAddress: String) throws -> IssuedSession {
        let now = clock.now()
        let (id, pending) = try livePending(pendingToken, clientAddress: clientAddress, at: now)
        if try isThrottled(pending, clientAddress: clientAddress, at: now) { throw IdentityError.secondFactorRejected }
        let accepted = code.utf8.count <= 64 && ((try? secondFactor.verify(code: code, for: pending.userID, at: now)) ?? false)
        guard accepted else {
            try recordWrongCode(id, pending, clientAddress: clientAddress, at: now)
        }
        return try consume(id, pending, clientAddress: clientAddress, at: now)
    }

    /// The stored pending sign-in a token names, if it has not expired (an expired one is deleted).
    func livePending(
        _ pendingToken: String, clientAddress: String, at now: Date
    ) throws -> (ID<PendingSecondFactor>, PendingSecondFactor) {
        guard let token = SecretToken(parsing: pendingToken), let id = try? ID<PendingSecondFactor>(parsing: token.digest),
              let pending = try store.snapshot().value(id)
        else {
            emit(.tokenRejected, client: clientAddress, at: now)
            throw IdentityError.invalidOrExpiredToken
        }
        guard now < pending.expiresAt else {
            try store.write { tx in try tx.delete(id) }
            emit(.tokenRejected, user: pending.userID, site: pending.siteID, client: clientAddress, at: now)
            throw IdentityError.invalidOrExpiredToken
        }
        return (id, pending)
    }

    /// Whether codes for this pending sign-in are refused unchecked: the account is locked or
    /// the client address is throttled (reported as a failure).
    func isThrottled(_ pending: PendingSecondFactor, clientAddress: String, at now: Date) throws -> Bool {
        let accountLocked = try store.snapshot().value(Credential.id(for: pending.userID))?.failures
            .lockedUntil(at: now, threshold: lockout.accountThreshold, policy: lockout) != nil
        let throttled = accountLocked || clientThrottle.lockedUntil(clientAddress, at: now) != nil
        if throttled {
            emit(.secondFactorFailed, accountLocked ? .accountLocked : .clientThrottled, user: pending.userID, site: pending.siteID,
                 client: clientAddress, at: now)
        }
        return throttled
    }

    /// Counts a wrong code against the pending sign-in (discarding it at the attempt limit), the
    /// client address and the account, and throws ``IdentityError/secondFactorRejected``.
    func recordWrongCode(
        _ id: ID<PendingSecondFactor>, _ pending: PendingSecondFactor, clientAddress: String, at now: Date
    ) throws -> Never {
        clientThrottle.recordFailure(clientAddress, at: now)
        try store.write { tx in
            guard var current = try tx.value(id) else { return }
            current.failedCodes = min(current.failedCodes, 1_000) + 1
            if current.failedCodes >= configuration.maximumSecondFactorAttempts { try tx.delete(id) } else { try tx.put(current) }
        }
        try recordAccountFailure(pending.userID, at: now, site: pending.siteID, client: clientAddress)
        emit(.secondFactorFailed, user: pending.userID, site: pending.siteID, client: clientAddress, at: now)
        throw IdentityError.secondFactorRejected
    }

    /// Consumes a pending sign-in whose second factor was proven, clears the account's failure
    /// count, and issues the session.
    func consume(
        _ id: ID<PendingSecondFactor>, _ pending: PendingSecondFactor, clientAddress: String, at now: Date
    ) throws -> IssuedSession {
        let consumed = try store.write { tx -> Bool in
            guard try tx.get(id) != nil else { return false }
            try tx.delete(id)
            if var credential = try tx.value(Credential.id(for: pending.userID)), credential.failures.count > 0 {
                credential.failures = FailureCounter()
                try tx.put(credential)
            }
            return true
        }
        guard consumed, let user = try store.snapshot().value(pending.userID), user.isActive else {
            throw IdentityError.invalidOrExpiredToken
        }
        emit(.signedIn, user: pending.userID, site: pending.siteID, client: clientAddress, at: now)
        return try issueSession(
            for: pending.userID, siteID: pending.siteID, idleTimeout: pending.idleTimeout, absoluteTimeout: pending.absoluteTimeout,
            at: now)
    }

    /// Counts a failure from the client address, reports it, and throws the uniform error.
    func refuse(_ reason: SecurityEvent.Reason, user: ID<User>?, site: SignInSite, client: String, at now: Date) throws -> Never {
        let count = clientThrottle.recordFailure(client, at: now)
        emit(.signInFailed, reason, user: user, site: site.id, client: client, at: now)
        if count == lockout.clientThreshold { emit(.lockedOut, .clientThrottled, site: site.id, client: client, at: now) }
        throw IdentityError.invalidCredentials
    }

    /// Counts a failure against the account (in the store).
    func recordAccountFailure(_ user: ID<User>, at now: Date, site: String?, client: String?) throws {
        let count = try store.write { tx -> Int in
            guard var credential = try tx.value(Credential.id(for: user)) else { return 0 }
            credential.failures = credential.failures.recordingFailure(at: now, policy: lockout)
            try tx.put(credential)
            return credential.failures.count
        }
        if count == lockout.accountThreshold { emit(.lockedOut, .accountLocked, user: user, site: site, client: client, at: now) }
    }
}
