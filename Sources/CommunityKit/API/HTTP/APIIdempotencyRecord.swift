public import CommunityModel
public import Foundation
import CommunityIdentity

/// A POST sent with an `Idempotency-Key`, kept in the ``Store`` so every host behind a load
/// balancer agrees: who sent it (``caller``), the key, a digest of the body, and the answer to
/// replay. A record is claimed (``isComplete`` false) before the request runs, so a second
/// host seeing the same key while the first still works answers 409 instead of writing twice.
/// Expired records are purged by the due job ``DueJob/idempotencyExpiry``.
public struct APIIdempotencyRecord: Entity, Hashable {
    public static let entityType: EntityType = "APIIdempotencyRecord"
    public static var indexedFields: [IndexedField<APIIdempotencyRecord>] {
        [IndexedField("expiresAt") { .dateTime($0.expiresAt) }]
    }

    /// Derived from the caller, operation, path and key, so every host computes the same id.
    public var id: ID<APIIdempotencyRecord>
    /// Who sent it (`token:<id>` or `viewer:<user>|<session>`).
    public var caller: String
    /// The key as sent.
    public var key: String
    /// The operation (`registerLead`).
    public var operation: String
    /// The hex SHA-256 of the request body.
    public var bodyDigest: String
    /// Whether the answer is stored; `false` while the first request runs.
    public var isComplete: Bool
    /// The stored answer's status.
    public var status: Int
    /// The stored answer's headers.
    public var headers: [String: String]
    /// The stored answer's body.
    public var body: String
    /// When the key was first seen.
    public var createdAt: Date
    /// When it is forgotten.
    public var expiresAt: Date

    /// A claim for a request about to run.
    public init(id: ID<APIIdempotencyRecord>, caller: String, key: String, operation: String, bodyDigest: String, createdAt: Date, expiresAt: Date) {
        self.id = id
        self.caller = caller
        self.key = key
        self.operation = operation
        self.bodyDigest = bodyDigest
        self.isComplete = false
        self.status = 0
        self.headers = [:]
        self.body = ""
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// The record id of a caller's key for an operation and path.
    public static func id(caller: String, operation: String, path: String, key: String) -> ID<APIIdempotencyRecord> {
        let digest = ByteEncoding.hex(Digest.sha256(Array([caller, operation, path, key].joined(separator: "\u{1F}").utf8)))
        return ID(sanitizing: "idem-" + digest)
    }

    public func validate() throws {
        try Check.text(key, field: "APIIdempotencyRecord.key", max: 200)
        try Check.text(caller, field: "APIIdempotencyRecord.caller", max: 1_000)
        try Check.text(operation, field: "APIIdempotencyRecord.operation", max: 200)
        try Check.plainText(body, field: "APIIdempotencyRecord.body")
        for (name, value) in headers {
            try Check.plainText(name, field: "APIIdempotencyRecord.headers")
            try Check.plainText(value, field: "APIIdempotencyRecord.headers")
        }
        guard expiresAt >= createdAt else {
            throw ValidationError(field: "APIIdempotencyRecord.expiresAt", reason: .invalidValue("before createdAt"))
        }
    }
}
