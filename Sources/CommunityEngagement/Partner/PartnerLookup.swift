import CommunityModel

/// Small reads shared by the partner workflows.
enum PartnerLookup {
    /// The active partner user and their partner account.
    static func partner(_ id: ID<User>, in reader: any StoreReader) throws -> (User, Account) {
        guard let user = try reader.value(id), user.isActive, user.kind == .partner, let accountID = user.accountID,
            let account = try reader.value(accountID), account.isPartner
        else { throw PartnerError.notAPartnerUser(id) }
        return (user, account)
    }

    /// A partner account.
    static func partnerAccount(_ id: ID<Account>, in reader: any StoreReader) throws -> Account {
        guard let account = try reader.value(id), account.isPartner else { throw PartnerError.unknownAccount(id) }
        return account
    }

    /// The user who receives leads for a partner account: an active super user, else an
    /// executive, else a manager, else any active partner user (ties by id).
    static func leadRecipient(of account: ID<Account>, in reader: any StoreReader) throws -> ID<User> {
        let users = try reader.query(Query<User>().where("accountID", equals: .reference(account.rawValue)))
            .map(\.value).filter { $0.isActive && $0.kind == .partner }
        func rank(_ user: User) throws -> Int {
            if user.isSuperUser { return 0 }
            switch try user.roleID.flatMap({ try reader.value($0) })?.externalLevel {
            case .executive: return 1
            case .manager: return 2
            default: return 3
            }
        }
        let ranked = try users.map { (try rank($0), $0.id) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        guard let first = ranked.first else { throw PartnerError.noRecipient(account) }
        return first.1
    }
}
