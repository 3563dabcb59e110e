/// A shareable CRM record: it has an owner, may belong to an account, and exposes its
/// standard and custom fields by name, which sharing rules, audiences and field-level
/// security read.
public protocol Record: Entity {
    /// Who owns the record: a user or a queue.
    var owner: Owner { get set }
    /// The account the record belongs to, for implicit sharing; `nil` when none.
    var accountID: ID<Account>? { get }
    /// Custom field values, validated against the object's ``ObjectSchema``.
    var customFields: [String: FieldValue] { get set }
    /// The value of a standard or custom field by its API name, such as `Priority` or `Budget__c`.
    func value(of field: String) -> FieldValue?
}

/// The owner of a record: a user, or a queue (for cases and leads waiting to be picked).
public enum Owner: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A user owns the record.
    case user(ID<User>)
    /// A queue owns the record.
    case queue(ID<Queue>)

    /// The owning user, if a user owns the record.
    public var user: ID<User>? {
        if case .user(let id) = self { id } else { nil }
    }

    /// The owning queue, if a queue owns the record.
    public var queue: ID<Queue>? {
        if case .queue(let id) = self { id } else { nil }
    }

    public var description: String {
        switch self {
        case .user(let id): "user:\(id)"
        case .queue(let id): "queue:\(id)"
        }
    }
}

extension Owner {
    /// The keys of the stored form, which is the one Swift synthesises for this enum:
    /// `{"user": {"_0": id}}` or `{"queue": {"_0": id}}`.
    private enum Kind: String, CodingKey, CaseIterable {
        case user, queue
    }

    private enum Payload: String, CodingKey {
        case _0
    }

    /// Decodes the synthesised form, looking the two cases up by name instead of listing
    /// every key: every record decoded from a store has an owner.
    ///
    /// - Throws: `DecodingError.typeMismatch` unless exactly one of `user` and `queue` is
    ///   present; the id's own `DecodingError` otherwise.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Kind.self)
        let user = container.contains(.user)
        guard user != container.contains(.queue) else {
            throw DecodingError.typeMismatch(
                Owner.self,
                DecodingError.Context(codingPath: container.codingPath, debugDescription: "Invalid number of keys found, expected one."))
        }
        let kind: Kind = user ? .user : .queue
        let payload = try container.nestedContainer(keyedBy: Payload.self, forKey: kind)
        self = user ? .user(try payload.decode(ID<User>.self, forKey: ._0)) : .queue(try payload.decode(ID<Queue>.self, forKey: ._0))
    }
}
