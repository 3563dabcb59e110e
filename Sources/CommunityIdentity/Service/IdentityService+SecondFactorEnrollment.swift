import CommunityModel
import Foundation

extension IdentityService {
    /// Starts enrolling a second factor for a pending sign-in that needs one
    /// (``SignInResult/enrollmentRequired(_:)``): the user proved the password, the site
    /// requires a second factor, and none is active yet. Calling it again restarts the
    /// enrollment with a new secret.
    ///
    /// Only the holder of the pending token can enroll, and only until it expires or its
    /// attempts run out, so nobody can attach a factor to an account without its password.
    ///
    /// - Parameter twoFactor: the service that keeps enrollments (the one this service verifies codes with).
    /// - Returns: the secret and `otpauth://` URI to show the user.
    /// - Throws: ``IdentityError/invalidOrExpiredToken`` for a forged, expired, used or
    ///   discarded pending token, for one that does not need enrollment, or when the user has
    ///   meanwhile enrolled (sign in again for the code prompt); a ``TwoFactorError`` or the store's error.
    public func beginSecondFactorEnrollment(
        _ pendingToken: String, using twoFactor: TwoFactorService, clientAddress: String
    ) throws -> TwoFactorSetup {
        let now = clock.now()
        let (_, pending) = try livePending(pendingToken, clientAddress: clientAddress, at: now)
        guard pending.needsEnrollment else {
            emit(.tokenRejected, user: pending.userID, site: pending.siteID, client: clientAddress, at: now)
            throw IdentityError.invalidOrExpiredToken
        }
        do {
            return try twoFactor.beginEnrollment(for: pending.userID)
        } catch TwoFactorError.alreadyEnrolled {
            throw IdentityError.invalidOrExpiredToken
        }
    }

    /// Completes a pending sign-in that needs enrollment with the first code from the user's
    /// authenticator: activates the enrollment started by
    /// ``beginSecondFactorEnrollment(_:using:clientAddress:)``, consumes the pending token and
    /// issues the session.
    ///
    /// A wrong code counts exactly as in ``completeSecondFactor(_:code:clientAddress:)``: toward
    /// the pending sign-in's ``IdentityConfiguration/maximumSecondFactorAttempts`` and the
    /// account's and client address's backoff (while either is in backoff every code is refused).
    ///
    /// - Returns: the session and the recovery codes to show once.
    /// - Throws: ``IdentityError/invalidOrExpiredToken`` for a forged, expired, used or
    ///   discarded pending token or one that does not need enrollment;
    ///   ``IdentityError/secondFactorRejected`` for a wrong code, a throttled client or an
    ///   enrollment that was never started; the store's error.
    public func completeSecondFactorEnrollment(
        _ pendingToken: String, code: String, using twoFactor: TwoFactorService, clientAddress: String
    ) throws -> SignInEnrollment {
        let now = clock.now()
        let (id, pending) = try livePending(pendingToken, clientAddress: clientAddress, at: now)
        guard pending.needsEnrollment else {
            emit(.tokenRejected, user: pending.userID, site: pending.siteID, client: clientAddress, at: now)
            throw IdentityError.invalidOrExpiredToken
        }
        if try isThrottled(pending, clientAddress: clientAddress, at: now) { throw IdentityError.secondFactorRejected }
        let recoveryCodes: [String]
        do {
            guard code.utf8.count <= 64 else { throw TwoFactorError.invalidCode }
            recoveryCodes = try twoFactor.confirmEnrollment(for: pending.userID, code: code)
        } catch is TwoFactorError {
            try recordWrongCode(id, pending, clientAddress: clientAddress, at: now)
        }
        let session = try consume(id, pending, clientAddress: clientAddress, at: now)
        return SignInEnrollment(session: session, recoveryCodes: recoveryCodes)
    }
}
