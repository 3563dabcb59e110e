/// Typed access to the keys of one parsed JSON object, with errors that name the line and key.
struct JSONObjectReader {
    let fields: [(String, JSONValue)]
    let line: Int
    /// The path of the object, such as `users[12]`, prefixed to key names in errors.
    let path: String

    init(_ value: JSONValue, line: Int, path: String) throws(WorkloadError) {
        guard case .object(let fields) = value else {
            throw .wrongType(line: line, key: path, expected: "an object")
        }
        self.fields = fields
        self.line = line
        self.path = path
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func value(_ key: String) -> JSONValue? {
        for (k, v) in fields where k == key { return v }
        return nil
    }

    func required(_ key: String) throws(WorkloadError) -> JSONValue {
        guard let v = value(key) else { throw .missingKey(line: line, key: name(key)) }
        return v
    }

    func string(_ key: String) throws(WorkloadError) -> String {
        guard case .string(let s) = try required(key) else {
            throw .wrongType(line: line, key: name(key), expected: "a string")
        }
        return s
    }

    /// A string, or `nil` when the key is missing or null.
    func optionalString(_ key: String) throws(WorkloadError) -> String? {
        switch value(key) {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: throw .wrongType(line: line, key: name(key), expected: "a string or null")
        }
    }

    func bool(_ key: String) throws(WorkloadError) -> Bool {
        guard case .bool(let b) = try required(key) else {
            throw .wrongType(line: line, key: name(key), expected: "a boolean")
        }
        return b
    }

    func int(_ key: String) throws(WorkloadError) -> Int {
        guard case .integer(let i) = try required(key) else {
            throw .wrongType(line: line, key: name(key), expected: "an integer")
        }
        return i
    }

    func array(_ key: String) throws(WorkloadError) -> [JSONValue] {
        guard case .array(let a) = try required(key) else {
            throw .wrongType(line: line, key: name(key), expected: "an array")
        }
        return a
    }

    func object(_ key: String) throws(WorkloadError) -> JSONObjectReader {
        try JSONObjectReader(required(key), line: line, path: name(key))
    }

    /// A string from a closed set, converted by `make`.
    func enumerated<T>(_ key: String, _ make: (String) -> T?) throws(WorkloadError) -> T {
        let text = try string(key)
        guard let value = make(text) else {
            throw .invalidValue(line: line, key: name(key), value: "\"\(text.prefix(60))\"")
        }
        return value
    }

    func level(_ key: String) throws(WorkloadError) -> WorkloadAccessLevel {
        try enumerated(key) { WorkloadAccessLevel(workloadText: $0) }
    }

    func object(named key: String) throws(WorkloadError) -> WorkloadObject {
        try enumerated(key) { WorkloadObject(rawValue: $0) }
    }

    /// A list of object names, such as a profile's `viewAll`.
    func objects(_ key: String) throws(WorkloadError) -> Set<WorkloadObject> {
        guard let raw = value(key) else { return [] }
        guard case .array(let items) = raw else {
            throw .wrongType(line: line, key: name(key), expected: "an array of object names")
        }
        var out = Set<WorkloadObject>()
        for item in items {
            guard case .string(let s) = item, let object = WorkloadObject(rawValue: s) else {
                throw .invalidValue(line: line, key: name(key), value: "\(item)")
            }
            out.insert(object)
        }
        return out
    }

    /// A set spec: an object with exactly one of `user`, `role`, `roleAndSubordinates`, `group`.
    func grantee(_ key: String) throws(WorkloadError) -> WorkloadGrantee {
        try Self.grantee(required(key), line: line, key: name(key))
    }

    static func grantee(_ value: JSONValue, line: Int, key: String) throws(WorkloadError) -> WorkloadGrantee {
        guard case .object(let fields) = value, fields.count == 1, case .string(let id) = fields[0].1 else {
            throw .wrongType(line: line, key: key, expected: "an object with one of user, role, roleAndSubordinates, group")
        }
        switch fields[0].0 {
        case "user": return .user(id)
        case "role": return .role(id)
        case "roleAndSubordinates": return .roleAndSubordinates(id)
        case "group": return .group(id)
        default: throw .invalidValue(line: line, key: key, value: "\"\(fields[0].0.prefix(60))\"")
        }
    }
}
