public import CommunityModel
import CommunityAccess

/// A field path resolved against the schema: a field of the object, or a field of the record
/// one lookup away (`Account.PartnerTier` through `AccountId`), with its declared type.
public struct ReportField: Sendable, Hashable {
    /// The path as written.
    public var path: String
    /// The field read on the reported record (the lookup field for a related path).
    public var base: String
    /// For a related path, the related object and the field read on it.
    public var related: (object: EntityType, field: String)? {
        relatedObject.map { ($0, relatedField) }
    }
    /// The declared type of the value the path yields.
    public var type: FieldType
    let relatedObject: EntityType?
    let relatedField: String

    /// Resolves `path` on `object`.
    ///
    /// - Throws: ``ReportError/unknownObject(_:)``, ``ReportError/unknownField(object:field:)`` or
    ///   ``ReportError/notALookup(object:field:)``.
    public static func resolve(_ path: String, object: EntityType, schemas: SchemaCatalog) throws(ReportError) -> ReportField {
        guard let schema = schemas.schema(for: object) else { throw .unknownObject(object) }
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard path.utf8.count <= 200, (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            throw .unknownField(object: object, field: String(path.prefix(200)))
        }
        if parts.count == 1 {
            guard let type = Self.type(of: parts[0], in: schema) else { throw .unknownField(object: object, field: path) }
            return ReportField(path: path, base: parts[0], type: type, relatedObject: nil, relatedField: "")
        }
        var lookup: (name: String, type: FieldType)?
        for candidate in [parts[0], parts[0] + "Id", parts[0].hasSuffix("__r") ? String(parts[0].dropLast(3)) + "__c" : parts[0]] {
            if let type = Self.type(of: candidate, in: schema) {
                lookup = (candidate, type)
                break
            }
        }
        guard let lookup else { throw .unknownField(object: object, field: parts[0]) }
        guard case .reference(let target) = lookup.type, lookup.name != "Id" else { throw .notALookup(object: object, field: lookup.name) }
        guard let targetSchema = schemas.schema(for: target) else { throw .unknownObject(target) }
        guard let type = Self.type(of: parts[1], in: targetSchema) else { throw .unknownField(object: target, field: parts[1]) }
        return ReportField(path: path, base: lookup.name, type: type, relatedObject: target, relatedField: parts[1])
    }

    /// The declared type of a field: `Id` is a reference to the object itself.
    static func type(of field: String, in schema: ObjectSchema) -> FieldType? {
        if field == "Id" { return .reference(schema.object) }
        return schema.definition(of: field)?.type
    }

    /// Checks field-level security: the viewer must read the field (and, for a related path, the
    /// lookup field and the related field).
    ///
    /// - Throws: ``ReportError/fieldNotReadable(object:field:use:)`` naming the hidden field.
    func requireReadable(by user: ID<User>, object: EntityType, in snapshot: AccessSnapshot, use: String) throws(ReportError) {
        guard snapshot.fieldAccess(user, object: object, field: base) >= .read else {
            throw .fieldNotReadable(object: object, field: base, use: use)
        }
        if let relatedObject, snapshot.fieldAccess(user, object: relatedObject, field: relatedField) < .read {
            throw .fieldNotReadable(object: relatedObject, field: relatedField, use: use)
        }
    }

    /// Equal paths of equal type.
    public static func == (lhs: ReportField, rhs: ReportField) -> Bool { lhs.path == rhs.path && lhs.type == rhs.type }
    /// Hashes the path.
    public func hash(into hasher: inout Hasher) { hasher.combine(path) }
}
