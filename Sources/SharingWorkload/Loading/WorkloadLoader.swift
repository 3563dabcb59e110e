public import Foundation

/// Loads a workload JSON file (`sharing-workload/1`).
///
/// The file is scanned once with a hand-written parser; each entity of the big arrays is
/// parsed and converted on its own, so memory stays proportional to the resulting
/// ``Workload``. Any valid JSON of the documented shape is accepted (whitespace and key
/// order are free); bad input throws a ``WorkloadError`` that names the line and key.
public enum WorkloadLoader {
    /// Reads and parses the file at `path`, then validates its references.
    public static func load(path: String) throws(WorkloadError) -> Workload {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try parse(data)
    }

    /// Parses workload JSON text, then validates its references.
    public static func parse(_ text: String) throws(WorkloadError) -> Workload {
        try parse(Data(text.utf8))
    }

    /// Parses workload JSON bytes, then validates its references.
    public static func parse(_ data: Data) throws(WorkloadError) -> Workload {
        let result: Result<Workload, WorkloadError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var scanner = JSONScanner(bytes)
            do throws(WorkloadError) {
                return .success(try parseDocument(&scanner))
            } catch {
                return .failure(error)
            }
        }
        let workload = try result.get()
        try workload.validate()
        return workload
    }

    private static func parseDocument(_ scanner: inout JSONScanner) throws(WorkloadError) -> Workload {
        try scanner.expect(UInt8(ascii: "{"))
        let startLine = scanner.line
        var format: String?
        var scale = "custom"
        var seed = 0
        var orgDefaults: OrgDefaults?
        var profiles: [WorkloadProfile]?
        var roles: [WorkloadRole]?
        var users: [WorkloadUser]?
        var groups: [WorkloadGroup]?
        var accounts: [WorkloadAccount]?
        var rules: [SharingRuleSpec]?
        var sets: [SharingSetSpec]?
        var shares: [ManualShareSpec]?
        var records: [WorkloadRecord]?
        var checks: [CheckSample] = []
        var lists: [ListSample] = []
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                guard scanner.peek() == UInt8(ascii: "\"") else { throw scanner.error("expected a key") }
                let key = try scanner.parseString()
                try scanner.expect(UInt8(ascii: ":"))
                let line = scanner.line
                switch key {
                case "format":
                    guard case .string(let s) = try scanner.parseValue() else {
                        throw .wrongType(line: line, key: key, expected: "a string")
                    }
                    format = s
                case "scale":
                    guard case .string(let s) = try scanner.parseValue() else {
                        throw .wrongType(line: line, key: key, expected: "a string")
                    }
                    scale = s
                case "seed":
                    guard case .integer(let i) = try scanner.parseValue() else {
                        throw .wrongType(line: line, key: key, expected: "an integer")
                    }
                    seed = i
                case "orgDefaults":
                    orgDefaults = try orgDefaultsFrom(JSONObjectReader(scanner.parseValue(), line: line, path: key))
                case "profiles": profiles = try elements(&scanner, key, profile)
                case "roles": roles = try elements(&scanner, key, role)
                case "users": users = try elements(&scanner, key, user)
                case "groups": groups = try elements(&scanner, key, group)
                case "accounts": accounts = try elements(&scanner, key, account)
                case "sharingRules": rules = try elements(&scanner, key, rule)
                case "sharingSets": sets = try elements(&scanner, key, sharingSet)
                case "manualShares": shares = try elements(&scanner, key, share)
                case "records":
                    records = try elements(&scanner, key, reserve: 1 << 16, record)
                case "checks": checks = try elements(&scanner, key, check)
                case "lists": lists = try elements(&scanner, key, list)
                default:
                    _ = try scanner.parseValue()  // Unknown keys are ignored (forward compatible).
                }
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
        }
        try scanner.expectEnd()
        guard let format else { throw .missingKey(line: startLine, key: "format") }
        guard format == Workload.format else { throw .unsupportedFormat(format) }
        func need<T>(_ value: T?, _ key: String) throws(WorkloadError) -> T {
            guard let value else { throw .missingKey(line: startLine, key: key) }
            return value
        }
        return try Workload(
            scale: scale, seed: seed, orgDefaults: need(orgDefaults, "orgDefaults"),
            profiles: need(profiles, "profiles"), roles: need(roles, "roles"), users: need(users, "users"),
            groups: need(groups, "groups"), accounts: need(accounts, "accounts"),
            sharingRules: need(rules, "sharingRules"), sharingSets: need(sets, "sharingSets"),
            manualShares: need(shares, "manualShares"), records: need(records, "records"),
            checks: checks, lists: lists)
    }

    /// Parses an array one element at a time, converting each as soon as it is parsed.
    private static func elements<T>(
        _ scanner: inout JSONScanner, _ key: String, reserve: Int = 0,
        _ convert: (JSONObjectReader) throws(WorkloadError) -> T
    ) throws(WorkloadError) -> [T] {
        guard scanner.peek() == UInt8(ascii: "[") else {
            throw .wrongType(line: scanner.line, key: key, expected: "an array")
        }
        try scanner.expect(UInt8(ascii: "["))
        var out: [T] = []
        out.reserveCapacity(reserve)
        if scanner.consume(UInt8(ascii: "]")) { return out }
        repeat {
            _ = scanner.peek()
            let line = scanner.line
            let value = try scanner.parseValue(depth: 1)
            out.append(try convert(JSONObjectReader(value, line: line, path: "\(key)[\(out.count)]")))
        } while scanner.consume(UInt8(ascii: ","))
        try scanner.expect(UInt8(ascii: "]"))
        return out
    }

    private static func orgDefaultsFrom(_ o: JSONObjectReader) throws(WorkloadError) -> OrgDefaults {
        var internalLevels: [WorkloadObject: WorkloadAccessLevel] = [:]
        var externalLevels: [WorkloadObject: WorkloadAccessLevel] = [:]
        for (key, _) in o.fields {
            guard let object = WorkloadObject(rawValue: key) else {
                throw .invalidValue(line: o.line, key: o.name(key), value: "unknown object")
            }
            let entry = try o.object(key)
            internalLevels[object] = try entry.level("internal")
            externalLevels[object] = try entry.level("external")
        }
        return OrgDefaults(internal: internalLevels, external: externalLevels)
    }

    private static func profile(_ o: JSONObjectReader) throws(WorkloadError) -> WorkloadProfile {
        let objects = try o.object("objects")
        var levels: [WorkloadObject: WorkloadAccessLevel] = [:]
        for (key, _) in objects.fields {
            guard let object = WorkloadObject(rawValue: key) else {
                throw .invalidValue(line: o.line, key: objects.name(key), value: "unknown object")
            }
            levels[object] = try objects.level(key)
        }
        return try WorkloadProfile(
            id: o.string("id"), objects: levels, viewAll: o.objects("viewAll"), modifyAll: o.objects("modifyAll"))
    }

    private static func role(_ o: JSONObjectReader) throws(WorkloadError) -> WorkloadRole {
        try WorkloadRole(
            id: o.string("id"), parent: o.optionalString("parent"),
            kind: o.enumerated("kind") { WorkloadRole.Kind(rawValue: $0) }, account: o.optionalString("account"))
    }

    private static func user(_ o: JSONObjectReader) throws(WorkloadError) -> WorkloadUser {
        let superUser: Bool = if o.value("superUser") == nil { false } else { try o.bool("superUser") }
        return try WorkloadUser(
            id: o.string("id"), kind: o.enumerated("kind") { UserKind(rawValue: $0) },
            role: o.optionalString("role"), profile: o.string("profile"), account: o.optionalString("account"),
            superUser: superUser)
    }

    private static func group(_ o: JSONObjectReader) throws(WorkloadError) -> WorkloadGroup {
        var members: [WorkloadGrantee] = []
        for (i, member) in try o.array("members").enumerated() {
            members.append(try JSONObjectReader.grantee(member, line: o.line, key: o.name("members[\(i)]")))
        }
        return try WorkloadGroup(id: o.string("id"), members: members)
    }

    private static func account(_ o: JSONObjectReader) throws(WorkloadError) -> WorkloadAccount {
        try WorkloadAccount(
            id: o.string("id"), owner: o.string("owner"), region: o.string("region"), partner: o.bool("partner"))
    }

    private static func rule(_ o: JSONObjectReader) throws(WorkloadError) -> SharingRuleSpec {
        let kind = try o.string("kind")
        let selector: SharingRuleSpec.Selector
        switch kind {
        case "owner":
            selector = .owner(from: try o.grantee("from"))
        case "criteria":
            let field = try o.enumerated("field") { RecordField(rawValue: $0) }
            let equals: String
            switch try o.required("equals") {
            case .string(let s): equals = s
            case .integer(let i): equals = String(i)
            default: throw .wrongType(line: o.line, key: o.name("equals"), expected: "a string or an integer")
            }
            selector = .criteria(field: field, equals: equals)
        default:
            throw .invalidValue(line: o.line, key: o.name("kind"), value: "\"\(kind.prefix(60))\"")
        }
        return try SharingRuleSpec(
            id: o.string("id"), object: o.object(named: "object"), selector: selector, to: o.grantee("to"),
            access: o.level("access"))
    }

    private static func sharingSet(_ o: JSONObjectReader) throws(WorkloadError) -> SharingSetSpec {
        var kinds = Set<UserKind>()
        for item in try o.array("userKinds") {
            guard case .string(let s) = item, let kind = UserKind(rawValue: s) else {
                throw .invalidValue(line: o.line, key: o.name("userKinds"), value: "\(item)")
            }
            kinds.insert(kind)
        }
        return try SharingSetSpec(
            object: o.object(named: "object"), userKinds: kinds,
            userField: o.enumerated("userField") { UserField(rawValue: $0) },
            recordField: o.enumerated("recordField") { RecordField(rawValue: $0) }, access: o.level("access"))
    }

    private static func share(_ o: JSONObjectReader) throws(WorkloadError) -> ManualShareSpec {
        let to = try o.grantee("to")
        switch to {
        case .user, .group: break
        default: throw .invalidValue(line: o.line, key: o.name("to"), value: "\(to.key) (only user or group)")
        }
        return try ManualShareSpec(record: o.string("record"), to: to, access: o.level("access"))
    }

    private static func record(_ o: JSONObjectReader) throws(WorkloadError) -> WorkloadRecord {
        let amount: Int = if o.value("amount") == nil { 0 } else { try o.int("amount") }
        return try WorkloadRecord(
            id: o.string("id"), object: o.object(named: "object"), owner: o.string("owner"),
            account: o.optionalString("account"), region: o.optionalString("region"), amount: amount)
    }

    private static func check(_ o: JSONObjectReader) throws(WorkloadError) -> CheckSample {
        try CheckSample(
            user: o.string("user"), record: o.string("record"),
            action: o.enumerated("action") { WorkloadAction(rawValue: $0) }, expected: o.bool("expected"))
    }

    private static func list(_ o: JSONObjectReader) throws(WorkloadError) -> ListSample {
        try ListSample(user: o.string("user"), object: o.object(named: "object"), expectedCount: o.int("expectedCount"))
    }
}
