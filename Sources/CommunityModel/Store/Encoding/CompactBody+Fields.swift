import Foundation

// The direct compact forms of the values records hold. Each writes exactly what its
// `Codable` form writes through ``CompactEncoder``: the synthesised enum forms
// (`{"<case>": {"_0": value}}`), `Day` as its `YYYY-MM-DD` text, custom fields as an object
// from name to value.

extension FieldValue: CompactBodyCodable {
    private static let kinds = CompactBodyKeys(["text", "number", "currency", "date", "dateTime", "checkbox", "picklist", "reference"])
    private static let payload = CompactBodyKeys(["_0"])

    /// Writes `{"<case>": {"_0": value}}`.
    public func writeCompactBody(to writer: inout CompactBodyWriter) {
        writer.keyed(count: 1)
        switch self {
        case .text(let s):
            writer.key("text")
            writer.keyed(count: 1)
            writer.key("_0")
            writer.string(s)
        case .number(let n):
            writer.key("number")
            writer.keyed(count: 1)
            writer.key("_0")
            writer.double(n)
        case .currency(let d):
            writer.key("currency")
            writer.keyed(count: 1)
            writer.key("_0")
            writer.decimal(d)
        case .date(let d):
            writer.key("date")
            writer.keyed(count: 1)
            writer.key("_0")
            writer.value(d)
        case .dateTime(let t):
            writer.key("dateTime")
            writer.keyed(count: 1)
            writer.key("_0")
            writer.date(t)
        case .checkbox(let b):
            writer.key("checkbox")
            writer.keyed(count: 1)
            writer.key("_0")
            writer.bool(b)
        case .picklist(let s):
            writer.key("picklist")
            writer.keyed(count: 1)
            writer.key("_0")
            writer.string(s)
        case .reference(let s):
            writer.key("reference")
            writer.keyed(count: 1)
            writer.key("_0")
            writer.string(s)
        }
    }

    /// Reads the synthesised form: exactly one known case key (others are ignored), whose
    /// payload holds `_0`.
    ///
    /// - Throws: `DecodingError` for anything else.
    public init(compactBody reader: inout CompactBodyReader) throws {
        var entries = try reader.entries(Self.kinds)
        var value: FieldValue?
        while let kind = try entries.next(&reader) {
            guard value == nil else { throw CompactBodyReader.corrupted("more than one case") }
            var payload = try reader.entries(Self.payload)
            var found: FieldValue?
            while try payload.next(&reader) != nil {
                switch kind {
                case 0: found = .text(try reader.string())
                case 1: found = .number(try reader.double())
                case 2: found = .currency(try reader.decimal())
                case 3: found = .date(try reader.value(Day.self))
                case 4: found = .dateTime(try reader.date())
                case 5: found = .checkbox(try reader.bool())
                case 6: found = .picklist(try reader.string())
                default: found = .reference(try reader.string())
                }
            }
            value = try CompactBodyReader.required(found, "_0")
        }
        self = try CompactBodyReader.required(value, "text")
    }
}

extension Day: CompactBodyCodable {
    /// Writes the `YYYY-MM-DD` text.
    public func writeCompactBody(to writer: inout CompactBodyWriter) { writer.string(description) }

    /// Reads the `YYYY-MM-DD` text.
    ///
    /// - Throws: `DecodingError` for anything else.
    public init(compactBody reader: inout CompactBodyReader) throws {
        let text = try reader.string()
        do { try self.init(parsing: text) } catch { throw CompactBodyReader.corrupted(error.description) }
    }
}

extension Owner: CompactBodyCodable {
    private static let kinds = CompactBodyKeys(["user", "queue"])
    private static let payload = CompactBodyKeys(["_0"])

    /// Writes `{"user": {"_0": id}}` or `{"queue": {"_0": id}}`.
    public func writeCompactBody(to writer: inout CompactBodyWriter) {
        writer.keyed(count: 1)
        switch self {
        case .user(let id): writer.key("user"); writer.keyed(count: 1); writer.key("_0"); writer.id(id)
        case .queue(let id): writer.key("queue"); writer.keyed(count: 1); writer.key("_0"); writer.id(id)
        }
    }

    /// Reads the synthesised form: exactly one of `user` and `queue`.
    ///
    /// - Throws: `DecodingError` for anything else.
    public init(compactBody reader: inout CompactBodyReader) throws {
        var entries = try reader.entries(Self.kinds)
        var value: Owner?
        while let kind = try entries.next(&reader) {
            guard value == nil else { throw CompactBodyReader.corrupted("more than one case") }
            var payload = try reader.entries(Self.payload)
            var found: Owner?
            while try payload.next(&reader) != nil {
                found = kind == 0 ? .user(try reader.id()) : .queue(try reader.id())
            }
            value = try CompactBodyReader.required(found, "_0")
        }
        self = try CompactBodyReader.required(value, "user")
    }
}

extension CustomFieldValues: CompactBodyCodable {
    /// Writes an object from field name to value, in name order.
    public func writeCompactBody(to writer: inout CompactBodyWriter) {
        writer.keyed(count: entries.count)
        for entry in entries {
            writer.key(entry.name)
            entry.value.writeCompactBody(to: &writer)
        }
    }

    /// Reads an object from field name to value.
    ///
    /// - Throws: `DecodingError` for anything else, or a name given twice.
    public init(compactBody reader: inout CompactBodyReader) throws {
        self.init()
        var n = try reader.keyed()
        while n > 0 {
            let name = try reader.key()
            guard addDecoded(name: name, value: try FieldValue(compactBody: &reader)) else {
                throw CompactBodyReader.corrupted("the field \(name) appears twice")
            }
            n -= 1
        }
    }
}
