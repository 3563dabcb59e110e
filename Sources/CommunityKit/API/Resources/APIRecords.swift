import CommunityModel
import CommunityAccess
import CommunityIdentity
import CommunityRendering
import Foundation

/// Records of any object through the API, read and written as the viewer: lists and reads go
/// through Access (sharing and field-level security, as the pages' record lists do), writes
/// are authorised with ``AccessSnapshot/authorizeEdit(_:original:updated:)`` and stored with
/// the version the caller read.
enum APIRecords {
    /// The record objects the API serves, by name.
    static let types: [EntityType: any Record.Type] = [
        Account.entityType: Account.self, Contact.entityType: Contact.self, Lead.entityType: Lead.self,
        Opportunity.entityType: Opportunity.self, Case.entityType: Case.self,
    ]
    /// Objects whose records are created through a service's endpoint instead (its rules apply).
    static let createdByService: [EntityType: String] = [Lead.entityType: "POST /leads", Case.entityType: "POST /cases"]
    /// Standard fields no API write may set.
    static let protectedFields: Set<String> = ["Id", "OwnerId", "CreatedDate", "PartnerAccountId", "AccountId", "Status", "IsPartner", "PartnerTier", "NetworkId"]

    /// The Codable key of a standard field's API name (`LastName` → `lastName`, `CloseDate` →
    /// `closeDate`, `ContactId` → `contactID`). A name that maps to no key is caught afterwards:
    /// the decoded record must show the value asked for.
    static func codingKey(_ apiName: String) -> String {
        if let alias = aliases[apiName] { return alias }
        guard let first = apiName.first else { return apiName }
        let key = first.lowercased() + apiName.dropFirst()
        return key.hasSuffix("Id") ? String(key.dropLast(2)) + "ID" : key
    }

    /// API names whose Codable key is not their lower-camel form.
    static let aliases = ["StageName": "stage", "LeadSource": "source"]
    /// Values a new record gets for required standard fields the body leaves out.
    static let createDefaults: [String: JSONValue] = ["isPartner": .bool(false), "probability": .number(10)]

    /// The API name of an indexed field (`status` → `Status`, `partnerAccountID` → `PartnerAccountId`).
    static func apiName(ofIndexed name: String) -> String {
        guard let first = name.first else { return name }
        let upper = first.uppercased() + name.dropFirst()
        return upper.hasSuffix("ID") ? String(upper.dropLast(2)) + "Id" : upper
    }

    static func type(_ name: String) throws(APIProblem) -> any Record.Type {
        guard let type = types[EntityType(name)] else {
            throw .notFound("No object \(String(name.prefix(80))); the API serves \(types.keys.map(\.name).sorted().joined(separator: ", ")).")
        }
        return type
    }

    // MARK: Reading

    /// One page of the records of an object the viewer may read.
    static func list(_ context: APIContext, object: String, sortDefault: String? = nil) throws -> APIReply {
        let type = try type(object)
        let limit = context.integer("limit", default: 25)
        let field = context.query("field"), value = context.query("value"), sort = context.query("sort") ?? sortDefault
        guard (field == nil) == (value == nil) else {
            throw APIProblem.invalidRequest("Send field and value together.", fields: [.init(field == nil ? "field" : "value", "needs its partner")])
        }
        guard let user = context.reader() else { return APIReply(.object(["items": .array([]), "nextCursor": .null])) }
        let snapshot = context.community.access.snapshot
        let indexed = indexedFieldNames(type)
        if let field {
            guard indexed.contains(field), snapshot.fieldAccess(user, object: type.entityType, field: apiName(ofIndexed: field)) >= .read else {
                throw APIProblem.invalidRequest("\(field) is not a filterable field of \(object).", fields: [.init("field", "filterable: \(indexed.sorted().joined(separator: ", "))")])
            }
        }
        let sortField = sort.map { $0.hasPrefix("-") ? String($0.dropFirst()) : $0 }
        if let sortField, snapshot.fieldAccess(user, object: type.entityType, field: sortField) < .read || sortField.isEmpty {
            throw APIProblem.invalidRequest("\(sortField) is not a field this viewer may sort \(object) by.", fields: [.init("sort", "unknown or hidden field")])
        }
        var rows = snapshot.visibleRecords(of: user, object: type.entityType, limit: RecordReader.maximumLimit).records.map(\.record)
        if let field, let value { rows = rows.filter { indexedValue(of: $0, field: field)?.description == value } }
        var redacted = rows.compactMap { snapshot.redact(open: $0, for: user) }
        if let sortField, let sort {
            let descending = sort.hasPrefix("-")
            redacted.sort { a, b in
                switch (a.value(of: sortField), b.value(of: sortField)) {
                case (let x?, let y?):
                    if x == y { return a.id < b.id }
                    return descending ? FieldValue.ordered(y, x) : FieldValue.ordered(x, y)
                case (nil, nil): return a.id < b.id
                case (nil, _): return false
                case (_, nil): return true
                }
            }
        }
        let listing = [object, field ?? "", value ?? "", sort ?? "", user.rawValue].joined(separator: "\u{1F}")
        let cursorKey = try context.community.api.cursorKey()
        let offset = try context.query("cursor").map { text throws(APIProblem) in try APICursor.offset(text, listing: listing, key: cursorKey) } ?? 0
        let page = redacted.dropFirst(offset).prefix(limit)
        let next = offset + page.count < redacted.count ? APICursor.make(offset: offset + page.count, listing: listing, key: cursorKey) : nil
        let store = context.community.store.snapshot()
        return APIReply(.object([
            "items": .array(page.map { json($0, version: version(type, id: $0.id, in: store)) }),
            "nextCursor": next.map(JSONValue.string) ?? .null,
        ]))
    }

    /// One record the viewer may read, with its ETag.
    static func get(_ context: APIContext, object: String, id: String) throws -> APIReply {
        let type = try type(object)
        guard let user = context.reader(), let record = context.community.access.snapshot.record(type.entityType, id: id),
              let redacted = context.community.access.snapshot.redact(open: record, for: user) else {
            throw APIProblem.notFound("No \(object) \(String(id.prefix(80))) that this viewer may read.")
        }
        let version = version(type, id: id, in: context.community.store.snapshot())
        return APIReply(json(redacted, version: version), etag: version.map { APIReply.etag(version: $0) })
    }

    static func json(_ record: RedactedRecord, version: Int?) -> JSONValue {
        .object([
            "id": .string(record.id), "object": .string(record.object.name),
            "fields": .object(record.fields.mapValues(json)), "version": version.map { .number(Double($0)) } ?? .null,
        ])
    }

    static func json(_ value: FieldValue) -> JSONValue {
        switch value {
        case .text(let s), .picklist(let s), .reference(let s): .string(s)
        case .number(let n): .number(n)
        case .currency(let d): .number(NSDecimalNumber(decimal: d).doubleValue)
        case .date(let d): .string(d.description)
        case .dateTime(let t): .string(ISO8601DateFormatter().string(from: t))
        case .checkbox(let b): .bool(b)
        }
    }

    static func version(_ type: any Record.Type, id: String, in reader: any StoreReader) -> Int? {
        func open<R: Record>(_: R.Type) -> Int? {
            guard let id = try? ID<R>(parsing: id) else { return nil }
            return (try? reader.get(id))?.version
        }
        return open(type)
    }

    static func indexedFieldNames(_ type: any Record.Type) -> Set<String> {
        func open<R: Record>(_: R.Type) -> Set<String> { Set(R.indexedFields.map(\.name)) }
        return open(type)
    }

    static func indexedValue(of record: any Record, field: String) -> FieldValue? {
        func open<R: Record>(_ r: R) -> FieldValue? { R.indexedFields.first { $0.name == field }?.value(r) }
        return open(record)
    }

    // MARK: Writing

    /// Creates a record of an object that no service owns (accounts, contacts, opportunities),
    /// owned by the viewer.
    static func create(_ context: APIContext, object: String) throws -> APIReply {
        let type = try type(object)
        if let service = createdByService[type.entityType] {
            throw APIProblem.unprocessable("\(object) records are created through \(service), which applies its rules.")
        }
        let user = try context.member()
        let snapshot = context.community.access.snapshot
        guard snapshot.canCreate(user, type.entityType) else { throw APIProblem.forbidden("This viewer may not create \(object) records.") }
        let fields = context.body["fields"]?.objectValue ?? [:]
        let record = try build(type, fields: fields, user: user, context: context)
        let (body, id, version) = try store(record, context: context, expecting: .absent)
        return APIReply(status: 201, body, etag: APIReply.etag(version: version),
                        headers: ["Location": Community.apiPath(of: context.site.site) + "/records/\(object)/\(id)"])
    }

    /// Changes fields of a record the viewer may edit.
    static func update(_ context: APIContext, object: String, id: String) throws -> APIReply {
        let type = try type(object)
        let user = try context.member()
        let fields = context.body["fields"]?.objectValue ?? [:]
        func open<R: Record>(_: R.Type) throws -> (RedactedRecord, Int) {
            guard let recordID = try? ID<R>(parsing: id), let current = try context.community.store.snapshot().get(recordID),
                  context.community.access.snapshot.redact(current.value, for: user) != nil else {
                throw APIProblem.notFound("No \(object) \(String(id.prefix(80))) that this viewer may read.")
            }
            _ = try context.checkIfMatch(entity: object, id: id, version: current.version)
            var updated = try apply(fields, to: current.value, context: context)
            updated.owner = current.value.owner
            try context.community.access.snapshot.authorizeEdit(user, original: current.value, updated: updated)
            let version = try context.community.store.write { tx in try tx.put(updated, expecting: .exactly(current.version)) }
            guard let redacted = context.community.access.snapshot.redact(updated, for: user) else { throw APIProblem.notFound("\(object) \(id) is no longer readable.") }
            return (redacted, version)
        }
        let (record, version) = try open(type)
        return APIReply(json(record, version: version), etag: APIReply.etag(version: version))
    }

    /// Deletes a record the viewer may delete.
    static func delete(_ context: APIContext, object: String, id: String) throws -> APIReply {
        let type = try type(object)
        let user = try context.member()
        func open<R: Record>(_: R.Type) throws {
            guard let recordID = try? ID<R>(parsing: id), let current = try context.community.store.snapshot().get(recordID),
                  context.community.access.snapshot.redact(current.value, for: user) != nil else {
                throw APIProblem.notFound("No \(object) \(String(id.prefix(80))) that this viewer may read.")
            }
            guard context.community.access.snapshot.can(user, .delete, current.value) else {
                throw APIProblem.forbidden("This viewer may not delete \(object) \(id).")
            }
            _ = try context.checkIfMatch(entity: object, id: id, version: current.version)
            try context.community.store.write { tx in try tx.delete(recordID, expecting: .exactly(current.version)) }
        }
        try open(type)
        return APIReply(status: 204, nil)
    }

    private static func build(_ type: any Record.Type, fields: [String: JSONValue], user: ID<User>, context: APIContext) throws -> any Record {
        func open<R: Record>(_: R.Type) throws -> any Record {
            var object: [String: JSONValue] = [
                "id": .string(ID<R>.generate(prefix: String(R.entityType.name.prefix(3)).lowercased()).rawValue),
                "owner": try encode(Owner.user(user)), "customFields": try encode(CustomFieldValues([:])),
            ]
            let (standard, custom) = try split(fields, object: R.entityType, context: context)
            for (name, value) in standard { object[codingKey(name)] = value }
            for (key, value) in createDefaults where object[key] == nil { object[key] = value }
            var record: R
            do {
                record = try JSONDecoder().decode(R.self, from: JSONEncoder().encode(JSONValue.object(object)))
            } catch let DecodingError.keyNotFound(key, _) {
                let name = apiName(ofIndexed: key.stringValue)
                throw APIProblem.unprocessable("\(name) is required.", fields: [.init("fields." + name, "is required")])
            } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
                let name = context.codingPath.map(\.stringValue).joined(separator: ".")
                throw APIProblem.unprocessable("\(name) has the wrong type.", fields: [.init("fields." + name, "wrong type")])
            } catch let DecodingError.valueNotFound(_, context) {
                let name = context.codingPath.map(\.stringValue).joined(separator: ".")
                throw APIProblem.unprocessable("\(name) is required.", fields: [.init("fields." + name, "is required")])
            }
            for (name, value) in custom { record.customFields[name] = value }
            try checkApplied(standard, to: record)
            // A new record: the object's create permission was checked; each field set needs edit access to it.
            for name in fields.keys.sorted() where context.community.access.snapshot.fieldAccess(user, object: R.entityType, field: name) < .edit {
                throw AccessError.fieldNotEditable(user: user, object: R.entityType, field: name)
            }
            return record
        }
        return try open(type)
    }

    private static func apply<R: Record>(_ fields: [String: JSONValue], to record: R, context: APIContext) throws -> R {
        let (standard, custom) = try split(fields, object: R.entityType, context: context)
        var updated = record
        if !standard.isEmpty {
            guard case .object(var object) = try encode(record) else { throw APIProblem.internalError() }
            for (name, value) in standard { object[codingKey(name)] = value }
            do {
                updated = try JSONDecoder().decode(R.self, from: JSONEncoder().encode(JSONValue.object(object)))
            } catch {
                throw APIProblem.unprocessable("A field has the wrong type.", fields: standard.keys.sorted().map { .init("fields." + $0, "check its type") })
            }
            try checkApplied(standard, to: updated)
        }
        for (name, value) in custom {
            if let value { updated.customFields[name] = value } else { updated.customFields.removeValue(forKey: name) }
        }
        return updated
    }

    /// Refuses a standard field whose value did not land on the record (a name the API cannot write).
    private static func checkApplied(_ standard: [String: JSONValue], to record: some Record) throws {
        let refused = standard.keys.sorted().filter { name in
            let given = standard[name] ?? .null
            let now = record.value(of: name).map(json) ?? .null
            if case .number(let a) = given, case .number(let b) = now { return abs(a - b) > 1e-9 * max(1, abs(a)) }
            return given != now
        }
        guard refused.isEmpty else {
            throw APIProblem.unprocessable("\(refused.joined(separator: ", ")) cannot be set through the API.", fields: refused.map { .init("fields." + $0, "not writable") })
        }
    }

    private static func unusedOptionalStandardField(_ name: String, object: EntityType, context: APIContext) -> Bool {
        context.community.recordPresentation.schemas.schema(for: object)?.standardFields.contains { $0.name == name } ?? false
    }

    /// Splits a body's fields into standard ones (kept as JSON) and custom ones (typed by the schema).
    private static func split(
        _ fields: [String: JSONValue], object: EntityType, context: APIContext
    ) throws -> ([String: JSONValue], [String: FieldValue?]) {
        var standard: [String: JSONValue] = [:]
        var custom: [String: FieldValue?] = [:]
        var issues: [APIProblem.InvalidField] = []
        let schema = context.community.recordPresentation.schemas.schema(for: object)
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            if name.hasSuffix("__c") {
                guard let definition = schema?.fields.first(where: { $0.name == name }) else {
                    issues.append(.init("fields." + name, "not a custom field of \(object)"))
                    continue
                }
                if value == .null { custom[name] = .some(nil); continue }
                guard let typed = fieldValue(value, type: definition.type) else {
                    issues.append(.init("fields." + name, "expected \(definition.type.kindName)"))
                    continue
                }
                custom[name] = typed
            } else if protectedFields.contains(name) {
                issues.append(.init("fields." + name, "may not be set through the API"))
            } else {
                standard[name] = value
            }
        }
        guard issues.isEmpty else { throw APIProblem.invalidRequest("\(issues.count == 1 ? "A field is" : "Fields are") not valid.", fields: issues) }
        return (standard, custom)
    }

    static func fieldValue(_ value: JSONValue, type: FieldType) -> FieldValue? {
        switch (type, value) {
        case (.text, .string(let s)): return .text(s)
        case (.number, .number(let n)) where n.isFinite: return .number(n)
        case (.currency, .number(let n)) where n.isFinite && abs(n) < 1e15: return .currency(Decimal(string: String(n)) ?? Decimal(0))
        case (.date, .string(let s)): return (try? Day(parsing: s)).map(FieldValue.date)
        case (.dateTime, .string(let s)): return ISO8601DateFormatter().date(from: s).map(FieldValue.dateTime)
        case (.checkbox, .bool(let b)): return .checkbox(b)
        case (.picklist, .string(let s)): return .picklist(s)
        case (.reference, .string(let s)): return .reference(s)
        default: return nil
        }
    }

    private static func store(_ record: any Record, context: APIContext, expecting: ExpectedVersion) throws -> (JSONValue, String, Int) {
        func open<R: Record>(_ r: R) throws -> (JSONValue, String, Int) {
            let version = try context.community.store.write { tx in try tx.put(r, expecting: expecting) }
            guard let user = context.reader(), let redacted = context.community.access.snapshot.redact(r, for: user) else {
                return (.object(["id": .string(r.id.rawValue), "object": .string(R.entityType.name), "fields": .object([:]), "version": .number(Double(version))]), r.id.rawValue, version)
            }
            return (json(redacted, version: version), r.id.rawValue, version)
        }
        return try open(record)
    }

    private static func encode(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }
}

extension AccessSnapshot {
    /// Redacts a record whose type is only known at run time.
    func redact(open record: any Record, for user: ID<User>) -> RedactedRecord? {
        func open<R: Record>(_ r: R) -> RedactedRecord? { redact(r, for: user) }
        return open(record)
    }
}

/// Opaque list cursors: the offset into a listing, signed with HMAC-SHA-256 over the listing's
/// parameters and viewer, so a cursor from another listing, viewer or engine, or an altered one,
/// is a typed `invalid-cursor` problem.
enum APICursor {
    static func make(offset: Int, listing: String, key: [UInt8]) -> String {
        "\(offset).\(signature(offset: offset, listing: listing, key: key))"
    }

    static func offset(_ text: String, listing: String, key: [UInt8]) throws(APIProblem) -> Int {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count <= 9, parts[0].allSatisfy(\.isASCII), let offset = Int(parts[0]), offset >= 0,
              ConstantTime.equals(Array(parts[1].utf8), Array(signature(offset: offset, listing: listing, key: key).utf8)) else {
            throw .invalidCursor(text)
        }
        return offset
    }

    private static func signature(offset: Int, listing: String, key: [UInt8]) -> String {
        ByteEncoding.base64URL(MessageAuthentication.sha256(key: key, message: Array("\(listing)\u{1E}\(offset)".utf8)).prefix(18))
    }
}
