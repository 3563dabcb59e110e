/// Writes a workload as `sharing-workload/1` JSON, one entity per line (the format
/// ``WorkloadLoader`` reads and other engines can load).
public enum WorkloadWriter {
    /// The whole document as text.
    public static func json(_ w: Workload) -> String {
        var out = "{\n"
        out += "\"format\": \(quote(Workload.format)),\n\"scale\": \(quote(w.scale)),\n\"seed\": \(w.seed),\n"
        func levels(_ object: WorkloadObject) -> String {
            "{\"internal\":\(quote(orgText(w.orgDefaults.internal[object] ?? .none))),"
                + "\"external\":\(quote(orgText(w.orgDefaults.external[object] ?? .none)))}"
        }
        out += "\"orgDefaults\": {" + WorkloadObject.allCases.map { "\(quote($0.rawValue)):\(levels($0))" }.joined(separator: ",") + "},\n"
        section(&out, "profiles", w.profiles) { p in
            let objects = WorkloadObject.allCases.map { "\(quote($0.rawValue)):\(quote(p.permission(on: $0).description))" }
            return "{\"id\":\(quote(p.id)),\"objects\":{\(objects.joined(separator: ","))},"
                + "\"viewAll\":\(names(p.viewAll)),\"modifyAll\":\(names(p.modifyAll))}"
        }
        section(&out, "roles", w.roles) { r in
            "{\"id\":\(quote(r.id)),\"parent\":\(optional(r.parent)),\"kind\":\(quote(r.kind.rawValue)),\"account\":\(optional(r.account))}"
        }
        section(&out, "users", w.users) { u in
            "{\"id\":\(quote(u.id)),\"kind\":\(quote(u.kind.rawValue)),\"role\":\(optional(u.role)),"
                + "\"profile\":\(quote(u.profile)),\"account\":\(optional(u.account)),\"superUser\":\(u.superUser)}"
        }
        section(&out, "groups", w.groups) { g in
            "{\"id\":\(quote(g.id)),\"members\":[\(g.members.map(grantee).joined(separator: ","))]}"
        }
        section(&out, "accounts", w.accounts) { a in
            "{\"id\":\(quote(a.id)),\"owner\":\(quote(a.owner)),\"region\":\(quote(a.region)),\"partner\":\(a.partner)}"
        }
        section(&out, "sharingRules", w.sharingRules) { r in
            let selector: String = switch r.selector {
            case .owner(let from): "\"kind\":\"owner\",\"from\":\(grantee(from))"
            case .criteria(let field, let equals): "\"kind\":\"criteria\",\"field\":\(quote(field.rawValue)),\"equals\":\(quote(equals))"
            }
            return "{\"id\":\(quote(r.id)),\"object\":\(quote(r.object.rawValue)),\(selector),"
                + "\"to\":\(grantee(r.to)),\"access\":\(quote(r.access.description))}"
        }
        section(&out, "sharingSets", w.sharingSets) { s in
            "{\"object\":\(quote(s.object.rawValue)),\"userKinds\":[\(s.userKinds.map(\.rawValue).sorted().map(quote).joined(separator: ","))],"
                + "\"userField\":\(quote(s.userField.rawValue)),\"recordField\":\(quote(s.recordField.rawValue)),"
                + "\"access\":\(quote(s.access.description))}"
        }
        section(&out, "manualShares", w.manualShares) { s in
            "{\"record\":\(quote(s.record)),\"to\":\(grantee(s.to)),\"access\":\(quote(s.access.description))}"
        }
        section(&out, "records", w.records) { r in
            "{\"id\":\(quote(r.id)),\"object\":\(quote(r.object.rawValue)),\"owner\":\(quote(r.owner)),"
                + "\"account\":\(optional(r.account)),\"region\":\(optional(r.region)),\"amount\":\(r.amount)}"
        }
        section(&out, "checks", w.checks) { c in
            "{\"user\":\(quote(c.user)),\"record\":\(quote(c.record)),\"action\":\(quote(c.action.rawValue)),\"expected\":\(c.expected)}"
        }
        section(&out, "lists", w.lists, last: true) { l in
            "{\"user\":\(quote(l.user)),\"object\":\(quote(l.object.rawValue)),\"expectedCount\":\(l.expectedCount)}"
        }
        out += "}\n"
        return out
    }

    private static func section<T>(_ out: inout String, _ key: String, _ items: [T], last: Bool = false, _ line: (T) -> String) {
        out += "\(quote(key)): [\n"
        for (i, item) in items.enumerated() {
            out += line(item)
            out += i + 1 < items.count ? ",\n" : "\n"
        }
        out += last ? "]\n" : "],\n"
    }

    private static func orgText(_ level: WorkloadAccessLevel) -> String { level == .none ? "private" : level.description }

    private static func names(_ objects: Set<WorkloadObject>) -> String {
        "[" + objects.sorted().map { quote($0.rawValue) }.joined(separator: ",") + "]"
    }

    private static func grantee(_ g: WorkloadGrantee) -> String { "{\(quote(g.key)):\(quote(g.target))}" }

    private static func optional(_ s: String?) -> String { s.map(quote) ?? "null" }

    /// A JSON string literal with the escapes JSON requires.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
