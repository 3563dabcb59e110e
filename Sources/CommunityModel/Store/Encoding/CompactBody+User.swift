import Foundation

extension User: CompactBodyCodable {
    private static let keys = CompactBodyKeys([
        "id", "kind", "name", "nickname", "email", "isActive", "locale", "timeZone", "profileID", "permissionSetIDs",
        "permissionSetGroupIDs", "roleID", "contactID", "accountID", "managerID", "isSuperUser", "isHighVolume",
        "department", "siteID", "joinedAt",
    ])

    /// Writes the synthesised form: keys in declaration order, `nil` optionals left out.
    public func writeCompactBody(to w: inout CompactBodyWriter) {
        w.keyed(
            count: 13 + presence(roleID) + presence(contactID) + presence(accountID) + presence(managerID)
                + presence(department) + presence(siteID) + presence(joinedAt))
        w.key("id"); w.id(id)
        w.key("kind"); w.rawValue(kind)
        w.key("name"); w.string(name)
        w.key("nickname"); w.string(nickname)
        w.key("email"); w.string(email)
        w.key("isActive"); w.bool(isActive)
        w.key("locale"); w.string(locale)
        w.key("timeZone"); w.string(timeZone)
        w.key("profileID"); w.id(profileID)
        w.key("permissionSetIDs"); w.ids(permissionSetIDs)
        w.key("permissionSetGroupIDs"); w.ids(permissionSetGroupIDs)
        if let roleID { w.key("roleID"); w.id(roleID) }
        if let contactID { w.key("contactID"); w.id(contactID) }
        if let accountID { w.key("accountID"); w.id(accountID) }
        if let managerID { w.key("managerID"); w.id(managerID) }
        w.key("isSuperUser"); w.bool(isSuperUser)
        w.key("isHighVolume"); w.bool(isHighVolume)
        if let department { w.key("department"); w.string(department) }
        if let siteID { w.key("siteID"); w.string(siteID) }
        if let joinedAt { w.key("joinedAt"); w.date(joinedAt) }
    }

    /// Reads the synthesised form.
    ///
    /// - Throws: `DecodingError` when a required field is missing or a value is malformed.
    public init(compactBody r: inout CompactBodyReader) throws {
        var id: ID<User>?, kind: Kind?, name: String?, nickname: String?, email: String?, isActive: Bool?
        var locale: String?, timeZone: String?, profileID: ID<Profile>?, permissionSetIDs: [ID<PermissionSet>]?
        var permissionSetGroupIDs: [ID<PermissionSetGroup>]?, roleID: ID<Role>?, contactID: ID<Contact>?
        var accountID: ID<Account>?, managerID: ID<User>?, isSuperUser: Bool?, isHighVolume: Bool?
        var department: String?, siteID: String?, joinedAt: Date?
        var entries = try r.entries(Self.keys)
        while let field = try entries.next(&r) {
            switch field {
            case 0: id = try r.id()
            case 1: kind = try r.rawValue()
            case 2: name = try r.string()
            case 3: nickname = try r.string()
            case 4: email = try r.string()
            case 5: isActive = try r.bool()
            case 6: locale = try r.string()
            case 7: timeZone = try r.string()
            case 8: profileID = try r.id()
            case 9: permissionSetIDs = try r.ids()
            case 10: permissionSetGroupIDs = try r.ids()
            case 11: roleID = try r.optionalID()
            case 12: contactID = try r.optionalID()
            case 13: accountID = try r.optionalID()
            case 14: managerID = try r.optionalID()
            case 15: isSuperUser = try r.bool()
            case 16: isHighVolume = try r.bool()
            case 17: department = try r.optionalString()
            case 18: siteID = try r.optionalString()
            default: joinedAt = try r.optionalDate()
            }
        }
        self.init(
            id: try CompactBodyReader.required(id, "id"), kind: try CompactBodyReader.required(kind, "kind"),
            name: try CompactBodyReader.required(name, "name"),
            nickname: try CompactBodyReader.required(nickname, "nickname"),
            email: try CompactBodyReader.required(email, "email"),
            isActive: try CompactBodyReader.required(isActive, "isActive"),
            locale: try CompactBodyReader.required(locale, "locale"),
            timeZone: try CompactBodyReader.required(timeZone, "timeZone"),
            profileID: try CompactBodyReader.required(profileID, "profileID"),
            permissionSetIDs: try CompactBodyReader.required(permissionSetIDs, "permissionSetIDs"),
            permissionSetGroupIDs: try CompactBodyReader.required(permissionSetGroupIDs, "permissionSetGroupIDs"),
            roleID: roleID, contactID: contactID, accountID: accountID, managerID: managerID,
            isSuperUser: try CompactBodyReader.required(isSuperUser, "isSuperUser"),
            isHighVolume: try CompactBodyReader.required(isHighVolume, "isHighVolume"), department: department,
            siteID: siteID, joinedAt: joinedAt)
    }
}
