public import CommunityModel
public import Foundation

/// The seam through which sign-in asks for, and checks, a second factor (TOTP, recovery
/// codes, or whatever the host enrols).
///
/// ``IdentityService`` calls ``isRequired(for:)`` after a correct password: when it answers
/// true, sign-in returns a pending state instead of a session, and the session is issued only
/// once ``verify(code:for:at:)`` accepts a code. Implementations must be safe to call from many
/// threads at once and must compare codes in constant time. A verifier that throws fails the
/// sign-in closed (the caller sees the same error as a wrong code).
///
/// Conformers should pass these checks: a user with nothing enrolled is not required to give a
/// code unless site policy says so; a wrong, reused or expired code answers false; a correct
/// code answers true once.
public protocol SecondFactorVerifier: Sendable {
    /// Whether the user has enrolled a second factor.
    func isEnrolled(_ user: ID<User>) -> Bool
    /// Whether signing in as this user must complete a second factor (for example because
    /// they enrolled one, or because the site requires one for their profile).
    func isRequired(for user: ID<User>) -> Bool
    /// Whether `code` is a valid second factor for the user at `date`. Implementations record
    /// a code they accept so it cannot be replayed.
    func verify(code: String, for user: ID<User>, at date: Date) throws -> Bool
}

/// The default verifier: nobody is enrolled, nobody is asked, and no code verifies.
public struct NoSecondFactor: SecondFactorVerifier {
    /// Creates the verifier.
    public init() {}
    public func isEnrolled(_ user: ID<User>) -> Bool { false }
    public func isRequired(for user: ID<User>) -> Bool { false }
    public func verify(code: String, for user: ID<User>, at date: Date) throws -> Bool { false }
}
