public import CommunityModel

/// Which users must use a second factor: those whose profile is in ``requiredProfiles``.
public struct TwoFactorPolicy: Sendable, Hashable {
    /// Profiles whose users must sign in with a second factor.
    public var requiredProfiles: Set<ID<Profile>>

    /// A policy requiring two-factor sign-in for users of the given profiles.
    public init(requiredFor profiles: Set<ID<Profile>> = []) {
        requiredProfiles = profiles
    }

    /// A policy that requires it of nobody (users may still enroll).
    public static let optional = TwoFactorPolicy()

    /// Whether `user` must sign in with a second factor.
    public func requires(_ user: User) -> Bool {
        requiredProfiles.contains(user.profileID)
    }
}
