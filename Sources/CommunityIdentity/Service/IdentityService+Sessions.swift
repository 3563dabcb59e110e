public import CommunityModel
import Foundation

extension IdentityService {
    /// Issues a new session with a fresh token.
    func issueSession(
        for user: ID<User>, siteID: String, idleTimeout: TimeInterval, absoluteTimeout: TimeInterval, at now: Date
    ) throws -> IssuedSession {
        let token = try SecretToken.generate()
        let session = Session(
            id: .generate(prefix: "ses"), tokenDigest: token.digest, userID: user, siteID: siteID, createdAt: now, lastSeenAt: now,
            rotatedAt: now, idleTimeout: idleTimeout, expiresAt: now.addingTimeInterval(absoluteTimeout))
        try store.write { tx in try tx.put(session) }
        return IssuedSession(token: token.text, context: SessionContext(session), maxAge: Self.seconds(absoluteTimeout))
    }

    static func seconds(_ interval: TimeInterval) -> Int {
        guard interval.isFinite, interval > 0 else { return 0 }
        return interval < 400 * 86_400 ? Int(interval.rounded(.down)) : 400 * 86_400  // trap-safe: finite, positive and below 400 days here
    }

    /// The live session a token names, or `nil`.
    func liveSession(_ tokenText: String, site: SignInSite, at now: Date) throws -> Versioned<Session>? {
        guard let token = SecretToken(parsing: tokenText) else { return nil }
        let snapshot = store.snapshot()
        guard let found = try snapshot.query(Query<Session>().where("tokenDigest", equals: .text(token.digest))).first,
              found.value.tokenDigest == token.digest
        else { return nil }
        let session = found.value
        guard session.siteID == site.id else { return nil }
        let idle = min(session.idleTimeout, site.sessionPolicy.idleTimeout)
        let absolute = min(session.expiresAt, session.createdAt.addingTimeInterval(site.sessionPolicy.absoluteTimeout))
        if now >= absolute || now >= session.lastSeenAt.addingTimeInterval(idle) {
            try store.write { tx in try tx.delete(session.id) }
            return nil
        }
        guard let user = try snapshot.value(session.userID), try isMember(user, of: site, in: snapshot) else { return nil }
        return found
    }

    /// The session a request's token names, checked against the site's current policy: the
    /// token must be current (not rotated away or signed out), for this site, within its idle
    /// and absolute timeouts, and its user still an active member.
    ///
    /// Records activity at most once per ``SessionPolicy/touchInterval``, so most calls only read.
    ///
    /// - Throws: ``IdentityError/invalidSession`` (for every reason), or the store's error.
    public func validateSession(_ token: String, site: SignInSite) throws -> SessionContext {
        let now = clock.now()
        guard let found = try liveSession(token, site: site, at: now) else { throw IdentityError.invalidSession }
        if now.timeIntervalSince(found.value.lastSeenAt) >= site.sessionPolicy.touchInterval {
            var touched = found.value
            touched.lastSeenAt = now
            // A concurrent touch or rotation wins; this request's session is valid either way.
            _ = try? store.write { tx in try tx.put(touched, expecting: .exactly(found.version)) }
        }
        return SessionContext(found.value)
    }

    /// Replaces a session's token with a new one (call after a privilege change, such as a role
    /// or profile change, or on sign-in elevation). The old token stops working at once; the
    /// session id stays the same.
    ///
    /// - Throws: ``IdentityError/invalidSession`` when the token is not a live session of the
    ///   site, or the store's error.
    public func rotate(_ token: String, site: SignInSite, privileges: String? = nil) throws -> IssuedSession {
        let now = clock.now()
        guard let found = try liveSession(token, site: site, at: now) else { throw IdentityError.invalidSession }
        let fresh = try SecretToken.generate()
        var session = found.value
        if let privileges { session.privileges = privileges }
        session.tokenDigest = fresh.digest
        session.rotatedAt = now
        session.lastSeenAt = now
        do {
            try store.write { tx in try tx.put(session, expecting: .exactly(found.version)) }
        } catch is StoreError {
            throw IdentityError.invalidSession  // rotated or signed out concurrently
        }
        emit(.sessionRotated, user: session.userID, site: session.siteID, at: now)
        let absolute = min(session.expiresAt, session.createdAt.addingTimeInterval(site.sessionPolicy.absoluteTimeout))
        return IssuedSession(token: fresh.text, context: SessionContext(session), maxAge: Self.seconds(absolute.timeIntervalSince(now)))
    }

    /// Records the privilege fingerprint of a live session's token without rotating it (the first
    /// request after sign-in); a concurrent change wins and this does nothing.
    public func recordPrivileges(_ token: String, site: SignInSite, privileges: String) throws {
        guard let found = try liveSession(token, site: site, at: clock.now()), found.value.privileges != privileges else { return }
        var session = found.value
        session.privileges = privileges
        _ = try? store.write { tx in try tx.put(session, expecting: .exactly(found.version)) }
    }

    /// Ends the session a token names; does nothing for an unknown or malformed token.
    public func signOut(_ token: String) throws {
        guard let parsed = SecretToken(parsing: token) else { return }
        let matches = try store.snapshot().query(Query<Session>().where("tokenDigest", equals: .text(parsed.digest)))
        guard !matches.isEmpty else { return }
        try store.write { tx in
            for match in matches { try tx.delete(match.value.id) }
        }
        if let session = matches.first?.value { emit(.signedOut, user: session.userID, site: session.siteID, at: clock.now()) }
    }

    /// Ends every session of a user on every site; answers how many ended.
    @discardableResult
    public func signOutEverywhere(_ user: ID<User>) throws -> Int {
        let ended = try store.write { tx in try Self.deleteSessions(of: user, in: tx, except: nil) }
        emit(.signedOutEverywhere, user: user, at: clock.now())
        return ended
    }

    /// The live sessions of a user (for an account page listing where they are signed in).
    public func sessions(of user: ID<User>) throws -> [SessionContext] {
        let now = clock.now()
        return try store.snapshot().query(Query<Session>().where("userID", equals: .reference(user.rawValue)))
            .map(\.value).filter { !$0.hasExpired(at: now) }.map(SessionContext.init)
    }

    static func deleteSessions(of user: ID<User>, in tx: any StoreTransaction, except kept: ID<Session>?) throws -> Int {
        let sessions = try tx.query(Query<Session>().where("userID", equals: .reference(user.rawValue)))
        var ended = 0
        for session in sessions where session.value.id != kept {
            try tx.delete(session.value.id)
            ended += 1
        }
        return ended
    }
}
