/// A record's custom field values by API name, stored compactly.
///
/// Records usually carry a handful of custom fields, for which a dictionary's hash table
/// costs about twice the memory of the values themselves; at a million records that is
/// tens of megabytes. This keeps the values in one array sorted by name (a lookup is a
/// binary search) and converts to and from `[String: FieldValue]`, which record types
/// expose as `customFields`. It encodes exactly as that dictionary does: a JSON object
/// from field name to value.
public struct CustomFieldValues: Hashable, Sendable, Codable, Sequence, ExpressibleByDictionaryLiteral {
    /// One custom field's value.
    public struct Entry: Hashable, Sendable {
        /// The field's API name, such as `Region__c`.
        public var name: String
        /// Its value.
        public var value: FieldValue
    }

    /// The values, sorted by name, one per name.
    public private(set) var entries: [Entry] = []

    /// No custom values.
    public init() {}

    /// The values of a dictionary.
    public init(_ values: [String: FieldValue]) {
        entries = values.map { Entry(name: $0.key, value: $0.value) }.sorted { $0.name < $1.name }
    }

    public init(dictionaryLiteral elements: (String, FieldValue)...) {
        for (name, value) in elements { self[name] = value }
    }

    /// The number of fields with a value.
    public var count: Int { entries.count }

    /// Whether no field has a value.
    public var isEmpty: Bool { entries.isEmpty }

    /// The field names, in order.
    public var names: [String] { entries.map(\.name) }

    /// The values as a dictionary.
    public var dictionary: [String: FieldValue] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.value) })
    }

    private func position(of name: String) -> (index: Int, found: Bool) {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].name < name { low = mid + 1 } else { high = mid }
        }
        return (low, low < entries.count && entries[low].name == name)
    }

    /// The value of a field; setting `nil` removes it.
    public subscript(name: String) -> FieldValue? {
        get {
            let (i, found) = position(of: name)
            return found ? entries[i].value : nil
        }
        set {
            let (i, found) = position(of: name)
            switch (found, newValue) {
            case (true, let value?): entries[i].value = value
            case (true, nil): entries.remove(at: i)
            case (false, let value?): entries.insert(Entry(name: name, value: value), at: i)
            case (false, nil): break
            }
        }
    }

    /// Adds a value read from a stored body: appended when names arrive in order (as they
    /// are written), inserted in place otherwise. `false` when the name already has a value.
    mutating func addDecoded(name: String, value: FieldValue) -> Bool {
        if let last = entries.last, !(last.name < name) {
            let (i, found) = position(of: name)
            guard !found else { return false }
            entries.insert(Entry(name: name, value: value), at: i)
        } else {
            entries.append(Entry(name: name, value: value))
        }
        return true
    }

    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

    private struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes a JSON object from field name to value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Name.self)
        for key in container.allKeys { self[key.stringValue] = try container.decode(FieldValue.self, forKey: key) }
    }

    /// Encodes a JSON object from field name to value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Name.self)
        for entry in entries { try container.encode(entry.value, forKey: Name(stringValue: entry.name)) }
    }
}
