import Foundation

// The direct compact forms of the access configuration an engine reads at start: shares,
// roles, groups and what they hold. Each writes what its synthesised `Codable` form writes.

extension EntityType: CompactBodyCodable {
    /// Writes the bare name.
    public func writeCompactBody(to writer: inout CompactBodyWriter) { writer.string(name) }

    /// Reads the bare name.
    ///
    /// - Throws: `DecodingError` for anything but text.
    public init(compactBody reader: inout CompactBodyReader) throws { self.init(try reader.string()) }
}

extension AccessLevel: CompactBodyCodable {
    /// Writes the raw value.
    public func writeCompactBody(to writer: inout CompactBodyWriter) { writer.integer(Int64(rawValue)) }

    /// Reads the raw value.
    ///
    /// - Throws: `DecodingError` for anything but a known level.
    public init(compactBody reader: inout CompactBodyReader) throws {
        let raw = try reader.int()
        guard let level = AccessLevel(rawValue: raw) else { throw CompactBodyReader.corrupted("\(raw) is not an access level") }
        self = level
    }
}

extension ChildAccess: CompactBodyCodable {
    private static let keys = CompactBodyKeys(["cases", "contacts", "opportunities"])

    /// Writes the three levels.
    public func writeCompactBody(to w: inout CompactBodyWriter) {
        w.keyed(count: 3)
        w.key("cases"); w.value(cases)
        w.key("contacts"); w.value(contacts)
        w.key("opportunities"); w.value(opportunities)
    }

    /// Reads the three levels.
    ///
    /// - Throws: `DecodingError` when one is missing or malformed.
    public init(compactBody r: inout CompactBodyReader) throws {
        var cases: AccessLevel?, contacts: AccessLevel?, opportunities: AccessLevel?
        var entries = try r.entries(Self.keys)
        while let field = try entries.next(&r) {
            switch field {
            case 0: cases = try r.value()
            case 1: contacts = try r.value()
            default: opportunities = try r.value()
            }
        }
        self.init(
            cases: try CompactBodyReader.required(cases, "cases"), contacts: try CompactBodyReader.required(contacts, "contacts"),
            opportunities: try CompactBodyReader.required(opportunities, "opportunities"))
    }
}

extension Grantee: CompactBodyCodable {
    private static let cases = CompactBodyKeys([
        "user", "group", "role", "roleAndSubordinates", "roleAndInternalSubordinates", "queue", "allPartnerUsers",
        "allCustomerPortalUsers",
    ])

    /// Writes the synthesised form.
    public func writeCompactBody(to w: inout CompactBodyWriter) {
        switch self {
        case .user(let id): w.enumCase("user"); w.payloadKey(); w.id(id)
        case .group(let id): w.enumCase("group"); w.payloadKey(); w.id(id)
        case .role(let id): w.enumCase("role"); w.payloadKey(); w.id(id)
        case .roleAndSubordinates(let id): w.enumCase("roleAndSubordinates"); w.payloadKey(); w.id(id)
        case .roleAndInternalSubordinates(let id): w.enumCase("roleAndInternalSubordinates"); w.payloadKey(); w.id(id)
        case .queue(let id): w.enumCase("queue"); w.payloadKey(); w.id(id)
        case .allPartnerUsers: w.enumCase("allPartnerUsers"); w.emptyPayload()
        case .allCustomerPortalUsers: w.enumCase("allCustomerPortalUsers"); w.emptyPayload()
        }
    }

    /// Reads the synthesised form.
    ///
    /// - Throws: `DecodingError` for anything else.
    public init(compactBody r: inout CompactBodyReader) throws {
        let (kind, rest) = try r.enumCase(Self.cases)
        switch kind {
        case 0: self = .user(try r.payloadID())
        case 1: self = .group(try r.payloadID())
        case 2: self = .role(try r.payloadID())
        case 3: self = .roleAndSubordinates(try r.payloadID())
        case 4: self = .roleAndInternalSubordinates(try r.payloadID())
        case 5: self = .queue(try r.payloadID())
        case 6:
            try r.emptyPayload()
            self = .allPartnerUsers
        default:
            try r.emptyPayload()
            self = .allCustomerPortalUsers
        }
        try r.endEnumCase(rest)
    }
}

extension GroupMember: CompactBodyCodable {
    private static let cases = CompactBodyKeys(["user", "role", "roleAndSubordinates", "roleAndInternalSubordinates", "group"])

    /// Writes the synthesised form.
    public func writeCompactBody(to w: inout CompactBodyWriter) {
        switch self {
        case .user(let id): w.enumCase("user"); w.payloadKey(); w.id(id)
        case .role(let id): w.enumCase("role"); w.payloadKey(); w.id(id)
        case .roleAndSubordinates(let id): w.enumCase("roleAndSubordinates"); w.payloadKey(); w.id(id)
        case .roleAndInternalSubordinates(let id): w.enumCase("roleAndInternalSubordinates"); w.payloadKey(); w.id(id)
        case .group(let id): w.enumCase("group"); w.payloadKey(); w.id(id)
        }
    }

    /// Reads the synthesised form.
    ///
    /// - Throws: `DecodingError` for anything else.
    public init(compactBody r: inout CompactBodyReader) throws {
        let (kind, rest) = try r.enumCase(Self.cases)
        switch kind {
        case 0: self = .user(try r.payloadID())
        case 1: self = .role(try r.payloadID())
        case 2: self = .roleAndSubordinates(try r.payloadID())
        case 3: self = .roleAndInternalSubordinates(try r.payloadID())
        default: self = .group(try r.payloadID())
        }
        try r.endEnumCase(rest)
    }
}

extension RecordShare.Cause: CompactBodyCodable {
    private static let cases = CompactBodyKeys(["manual", "team", "programmatic"])

    /// Writes the synthesised form.
    public func writeCompactBody(to w: inout CompactBodyWriter) {
        switch self {
        case .manual: w.enumCase("manual"); w.emptyPayload()
        case .team(let s): w.enumCase("team"); w.payloadKey(); w.string(s)
        case .programmatic(let s): w.enumCase("programmatic"); w.payloadKey(); w.string(s)
        }
    }

    /// Reads the synthesised form.
    ///
    /// - Throws: `DecodingError` for anything else.
    public init(compactBody r: inout CompactBodyReader) throws {
        let (kind, rest) = try r.enumCase(Self.cases)
        switch kind {
        case 0:
            try r.emptyPayload()
            self = .manual
        case 1:
            try r.payloadStart()
            self = .team(try r.string())
        default:
            try r.payloadStart()
            self = .programmatic(try r.string())
        }
        try r.endEnumCase(rest)
    }
}

extension RecordShare: CompactBodyCodable {
    private static let keys = CompactBodyKeys([
        "id", "object", "recordID", "sharedWith", "accessLevel", "cause", "accountChildAccess", "recordOwner",
    ])

    /// Writes the synthesised form.
    public func writeCompactBody(to w: inout CompactBodyWriter) {
        w.keyed(count: 7 + presence(recordOwner))
        w.key("id"); w.id(id)
        w.key("object"); w.value(object)
        w.key("recordID"); w.string(recordID)
        w.key("sharedWith"); w.value(sharedWith)
        w.key("accessLevel"); w.value(accessLevel)
        w.key("cause"); w.value(cause)
        w.key("accountChildAccess"); w.value(accountChildAccess)
        if let recordOwner { w.key("recordOwner"); w.value(recordOwner) }
    }

    /// Reads the synthesised form.
    ///
    /// - Throws: `DecodingError` when a required field is missing or a value is malformed.
    public init(compactBody r: inout CompactBodyReader) throws {
        var id: ID<RecordShare>?, object: EntityType?, recordID: String?, sharedWith: Grantee?
        var accessLevel: AccessLevel?, cause: Cause?, accountChildAccess: ChildAccess?, recordOwner: Owner?
        var entries = try r.entries(Self.keys)
        while let field = try entries.next(&r) {
            switch field {
            case 0: id = try r.id()
            case 1: object = try r.value()
            case 2: recordID = try r.string()
            case 3: sharedWith = try r.value()
            case 4: accessLevel = try r.value()
            case 5: cause = try r.value()
            case 6: accountChildAccess = try r.value()
            default: recordOwner = try r.optionalValue()
            }
        }
        self.init(
            id: try CompactBodyReader.required(id, "id"), object: try CompactBodyReader.required(object, "object"),
            recordID: try CompactBodyReader.required(recordID, "recordID"),
            sharedWith: try CompactBodyReader.required(sharedWith, "sharedWith"),
            accessLevel: try CompactBodyReader.required(accessLevel, "accessLevel"),
            cause: try CompactBodyReader.required(cause, "cause"),
            accountChildAccess: try CompactBodyReader.required(accountChildAccess, "accountChildAccess"),
            recordOwner: recordOwner)
    }
}

extension Role: CompactBodyCodable {
    private static let keys = CompactBodyKeys(["id", "name", "parentID", "kind", "accountID", "externalLevel", "accountChildAccess"])

    /// Writes the synthesised form.
    public func writeCompactBody(to w: inout CompactBodyWriter) {
        w.keyed(count: 4 + presence(parentID) + presence(accountID) + presence(externalLevel))
        w.key("id"); w.id(id)
        w.key("name"); w.string(name)
        if let parentID { w.key("parentID"); w.id(parentID) }
        w.key("kind"); w.rawValue(kind)
        if let accountID { w.key("accountID"); w.id(accountID) }
        if let externalLevel { w.key("externalLevel"); w.rawValue(externalLevel) }
        w.key("accountChildAccess"); w.value(accountChildAccess)
    }

    /// Reads the stored form, as `init(from:)` does: the child access may be absent (none).
    ///
    /// - Throws: `DecodingError` when a required field is missing or a value is malformed.
    public init(compactBody r: inout CompactBodyReader) throws {
        var id: ID<Role>?, name: String?, parentID: ID<Role>?, kind: Kind?, accountID: ID<Account>?
        var externalLevel: ExternalLevel?, accountChildAccess: ChildAccess?
        var entries = try r.entries(Self.keys)
        while let field = try entries.next(&r) {
            switch field {
            case 0: id = try r.id()
            case 1: name = try r.string()
            case 2: parentID = try r.optionalID()
            case 3: kind = try r.rawValue()
            case 4: accountID = try r.optionalID()
            case 5: externalLevel = try r.optionalRawValue()
            default: accountChildAccess = try r.optionalValue()
            }
        }
        self.init(
            id: try CompactBodyReader.required(id, "id"), name: try CompactBodyReader.required(name, "name"),
            parentID: parentID, kind: try CompactBodyReader.required(kind, "kind"), accountID: accountID,
            externalLevel: externalLevel, accountChildAccess: accountChildAccess ?? ChildAccess.none)
    }
}

extension PublicGroup: CompactBodyCodable {
    private static let keys = CompactBodyKeys(["id", "name", "members", "grantAccessUsingHierarchies"])

    /// Writes the synthesised form.
    public func writeCompactBody(to w: inout CompactBodyWriter) {
        w.keyed(count: 4)
        w.key("id"); w.id(id)
        w.key("name"); w.string(name)
        w.key("members")
        w.unkeyed(count: members.count)
        for member in members { w.value(member) }
        w.key("grantAccessUsingHierarchies"); w.bool(grantAccessUsingHierarchies)
    }

    /// Reads the stored form, as `init(from:)` does: members and the hierarchy flag may be
    /// absent (none, and `true`).
    ///
    /// - Throws: `DecodingError` when a required field is missing or a value is malformed.
    public init(compactBody r: inout CompactBodyReader) throws {
        var id: ID<PublicGroup>?, name: String?, members: [GroupMember]?, hierarchies: Bool?
        var entries = try r.entries(Self.keys)
        while let field = try entries.next(&r) {
            switch field {
            case 0: id = try r.id()
            case 1: name = try r.string()
            case 2:
                if try !r.null() {
                    var n = try r.unkeyed()
                    var list: [GroupMember] = []
                    list.reserveCapacity(n)
                    while n > 0 {
                        list.append(try r.value())
                        n -= 1
                    }
                    members = list
                }
            default: hierarchies = try r.null() ? nil : try r.bool()
            }
        }
        self.init(
            id: try CompactBodyReader.required(id, "id"), name: try CompactBodyReader.required(name, "name"),
            members: members ?? [], grantAccessUsingHierarchies: hierarchies ?? true)
    }
}
