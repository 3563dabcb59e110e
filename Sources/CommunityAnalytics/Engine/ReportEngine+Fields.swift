public import CommunityModel
public import CommunityAccess

extension ReportEngine {
    /// The objects `user` may report on, by name: every object of the schema the user may read.
    public func reportableObjects(for user: ID<User>, in snapshot: AccessSnapshot) -> [EntityType] {
        schemas.schemas.keys.filter { snapshot.objectPermissions(user, on: $0).contains(.read) || snapshot.readsEveryRecord(of: user, object: $0) }
            .sorted { $0.name < $1.name }
    }

    /// The fields of `object` a report run by `user` may use: its own fields (`Id` first) and,
    /// for each lookup to an object of the schema, that object's fields (`Account.PartnerTier`),
    /// leaving out whatever field-level security hides from the user.
    public func reportableFields(of object: EntityType, for user: ID<User>, in snapshot: AccessSnapshot) -> [ReportField] {
        guard let schema = schemas.schema(for: object) else { return [] }
        var out: [ReportField] = []
        let own = schema.standardFields + schema.fields
        for definition in own {
            guard let field = try? ReportField.resolve(definition.name, object: object, schemas: schemas),
                  (try? field.requireReadable(by: user, object: object, in: snapshot, use: "show")) != nil else { continue }
            out.append(field)
        }
        for definition in own {
            guard case .reference(let target) = definition.type, let related = schemas.schema(for: target),
                  snapshot.fieldAccess(user, object: object, field: definition.name) >= .read else { continue }
            let prefix = definition.name.hasSuffix("Id") ? String(definition.name.dropLast(2)) : definition.name
            guard !prefix.isEmpty else { continue }
            for relatedField in related.standardFields + related.fields {
                guard let field = try? ReportField.resolve(prefix + "." + relatedField.name, object: object, schemas: schemas),
                      (try? field.requireReadable(by: user, object: object, in: snapshot, use: "show")) != nil else { continue }
                out.append(field)
            }
        }
        return out
    }
}
