public import CommunityModel
public import Foundation
import CommunityIdentity

/// The organisation's secret that list cursors are signed with, kept in the ``Store`` so a
/// cursor issued by one host works on every other host and after a restart. Created once,
/// atomically (the first writer wins; every engine then reads the same value).
public struct APICursorSecret: Entity, Hashable {
    public static let entityType: EntityType = "APICursorSecret"

    /// The one id the secret has.
    public static let singletonID: ID<APICursorSecret> = "api-cursor-secret"

    /// Always ``singletonID``.
    public var id: ID<APICursorSecret>
    /// 32 random bytes, base64url.
    public var secret: String
    /// When it was created.
    public var createdAt: Date

    /// A secret.
    public init(secret: String, createdAt: Date) {
        id = Self.singletonID
        self.secret = secret
        self.createdAt = createdAt
    }

    public func validate() throws {
        guard id == Self.singletonID else { throw ValidationError(field: "APICursorSecret.id", reason: .invalidValue("must be \(Self.singletonID)")) }
        guard let bytes = ByteEncoding.bytes(base64URL: secret), bytes.count >= 32 else {
            throw ValidationError(field: "APICursorSecret.secret", reason: .invalidValue("must be at least 32 bytes in base64url"))
        }
    }
}
