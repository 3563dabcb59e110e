public import CommunityModel
public import Foundation

/// A user's TOTP enrollment as the store keeps it: the sealed secret, its parameters,
/// whether the user confirmed it, the last time step used (for replay prevention) and the
/// digests of the recovery codes not yet used.
///
/// Its id is the user's id, so a user has at most one enrollment.
public struct TwoFactorEnrollment: Entity, Hashable {
    /// Whether the enrollment protects sign-in yet.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Created, waiting for the first valid code; does not protect sign-in.
        case pending
        /// Confirmed: sign-in asks for a code.
        case active
    }

    public static let entityType: EntityType = "TwoFactorEnrollment"
    public static var indexedFields: [IndexedField<TwoFactorEnrollment>] {
        [IndexedField("status") { .picklist($0.status.rawValue) }]
    }

    public var id: ID<TwoFactorEnrollment>
    /// The enrolled user.
    public var userID: ID<User>
    /// Pending until confirmed with a first valid code.
    public var status: Status
    /// The TOTP secret, sealed under the host's key when it supplies one.
    public var secret: SealedSecret
    /// The HMAC algorithm.
    public var algorithm: TimeBasedOneTimePassword.Algorithm
    /// Digits per code.
    public var digits: Int
    /// Seconds per time step.
    public var period: Int
    /// When the secret was generated.
    public var createdAt: Date
    /// When the user confirmed it.
    public var activatedAt: Date?
    /// The latest time step a code was accepted for; codes for it and earlier steps are refused.
    public var lastUsedStep: Int64?
    /// Hex SHA-256 digests of the recovery codes not yet used.
    public var recoveryCodeDigests: [String]

    /// Creates an enrollment record.
    public init(
        userID: ID<User>, status: Status, secret: SealedSecret, algorithm: TimeBasedOneTimePassword.Algorithm = .sha1,
        digits: Int = 6, period: Int = 30, createdAt: Date, activatedAt: Date? = nil, lastUsedStep: Int64? = nil,
        recoveryCodeDigests: [String] = []
    ) {
        self.id = userID.retyped()
        self.userID = userID
        self.status = status
        self.secret = secret
        self.algorithm = algorithm
        self.digits = digits
        self.period = period
        self.createdAt = createdAt
        self.activatedAt = activatedAt
        self.lastUsedStep = lastUsedStep
        self.recoveryCodeDigests = recoveryCodeDigests
    }
}
