import Foundation

/// The fast path of ``CompactEncoder``: writes the compact bytes straight into one buffer as
/// `encode(to:)` runs, instead of building a tree of nodes first, and gives byte for byte the
/// output of the tree.
///
/// A container's entry count comes before its entries, so each open container reserves one
/// byte for it and patches it when it closes (moving its bytes when the count needs a longer
/// varint). Containers close when their encoder's `encode(to:)` returns, or when an enclosing
/// container is written to again. Whatever the stream cannot reproduce exactly — a key
/// encoded twice in one container (the tree keeps the last value in the first position), a
/// container written to after it closed, a second value or container on one encoder, a
/// super encoder — marks the stream ``failed``, and ``CompactEncoder`` encodes the value
/// again through the tree.
final class CompactStream {
    var output = CompactOutput()
    /// Set when the bytes may differ from the tree's; they are then discarded.
    var failed = false
    private var stack: [Frame] = []
    private var nextFrame = 0

    /// An open container.
    private struct Frame {
        var id: Int
        /// Where its one-byte count placeholder is.
        var countAt: Int
        var count: Int
        var keyed: Bool
        /// A keyed container's keys so far, to notice one encoded twice.
        var keys: [String] = []
    }

    init() {
        output.bytes.reserveCapacity(256)
    }

    /// Whether every container was closed (the value is complete).
    var isComplete: Bool { stack.isEmpty }

    /// Opens a container: its tag and a count placeholder. Returns its id.
    func open(keyed: Bool) -> Int {
        output.tag(keyed ? .keyed : .unkeyed)
        let id = nextFrame
        nextFrame += 1
        stack.append(Frame(id: id, countAt: output.bytes.count, count: 0, keyed: keyed))
        output.bytes.append(0)
        return id
    }

    /// Makes `frame` the innermost open container (closing those opened inside it) before a
    /// write to it; `false` (and ``failed``) when it has closed already.
    func enter(_ frame: Int) -> Bool {
        guard !failed else { return false }
        if stack.last?.id == frame { return true }
        guard let index = stack.lastIndex(where: { $0.id == frame }) else {
            failed = true
            return false
        }
        while stack.count > index + 1 { closeTop() }
        return true
    }

    /// Starts the next entry of keyed container `frame`: its key. `false` when the entry
    /// must not be written (closed container, or a key already present).
    func key(_ key: String, in frame: Int) -> Bool {
        guard enter(frame) else { return false }
        let top = stack.count - 1
        if stack[top].keys.contains(key) {
            failed = true
            return false
        }
        stack[top].keys.append(key)
        stack[top].count += 1
        output.text(key)
        return true
    }

    /// Starts the next item of unkeyed container `frame`.
    func item(in frame: Int) -> Bool {
        guard enter(frame) else { return false }
        stack[stack.count - 1].count += 1
        return true
    }

    /// The entries written to `frame` so far (0 once it closed).
    func count(of frame: Int) -> Int {
        stack.last(where: { $0.id == frame })?.count ?? 0
    }

    /// Closes `frame` and every container opened inside it; marks ``failed`` if it closed already.
    func close(_ frame: Int) {
        guard enter(frame) else { return }
        closeTop()
    }

    private func closeTop() {
        guard let top = stack.popLast() else { return }
        if top.count < 0x80 {
            output.bytes[top.countAt] = UInt8(truncatingIfNeeded: top.count)
        } else {
            var count = CompactOutput()
            count.varint(UInt64(top.count))
            output.bytes.replaceSubrange(top.countAt..<top.countAt + 1, with: count.bytes)
        }
    }

    /// Writes `value` at the current position: scalars directly, anything else through its
    /// own `encode(to:)`.
    func write<T: Encodable>(_ value: T, path: CompactPath) throws {
        // Compare metatypes first, as the tree does: a dynamic cast per value is far slower.
        if T.self == String.self, let s = value as? String { return string(s) }
        if T.self == Bool.self, let b = value as? Bool { return output.tag(b ? .trueValue : .falseValue) }
        if T.self == Int.self, let n = value as? Int { return signed(Int64(n)) }
        if T.self == Double.self, let n = value as? Double { return double(n) }
        if T.self == Data.self, let d = value as? Data {
            output.tag(.bytes)
            output.varint(UInt64(d.count))
            output.bytes.append(contentsOf: d)
            return
        }
        if T.self == Decimal.self, let d = value as? Decimal {
            output.tag(.decimal)
            output.text(d.description)
            return
        }
        let encoder = CompactStreamEncoding(stream: self, path: path)
        try value.encode(to: encoder)
        try encoder.finish()
    }

    func null() { output.tag(.null) }
    func string(_ s: String) {
        output.tag(.string)
        output.text(s)
    }
    func signed(_ n: Int64) {
        output.tag(.signed)
        output.varint(UInt64(bitPattern: (n << 1) ^ (n >> 63)))
    }
    func unsigned(_ n: UInt64) {
        output.tag(.unsigned)
        output.varint(n)
    }
    func double(_ d: Double) {
        output.tag(.double)
        var bits = d.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { output.bytes.append(contentsOf: $0) }
    }
}

/// A coding path built only when something asks for it: the parent's path and one key.
final class CompactPath {
    let parent: CompactPath?
    let key: (any CodingKey)?

    init(parent: CompactPath? = nil, key: (any CodingKey)? = nil) {
        self.parent = parent
        self.key = key
    }

    var keys: [any CodingKey] {
        var out: [any CodingKey] = []
        var at: CompactPath? = self
        while let node = at {
            if let key = node.key { out.append(key) }
            at = node.parent
        }
        return out.reversed()
    }

    func appending(_ key: any CodingKey) -> CompactPath { CompactPath(parent: self, key: key) }
}

/// The `Encoder` the stream hands to a value's `encode(to:)`: one value, or one container.
final class CompactStreamEncoding: Encoder {
    let stream: CompactStream
    let path: CompactPath
    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// The container this encoder opened, if any.
    private var frame: Int?
    private var keyed = false
    /// Whether it wrote a single value.
    private var wroteValue = false

    init(stream: CompactStream, path: CompactPath) {
        self.stream = stream
        self.path = path
    }

    /// The frame of this encoder's container of the given kind: opened on first use, the same
    /// one again after (as the tree shares its node); a mismatch fails the stream.
    private func container(keyed wantKeyed: Bool) -> Int {
        if let frame {
            if keyed != wantKeyed { stream.failed = true }
            return frame
        }
        if wroteValue { stream.failed = true }
        let id = stream.open(keyed: wantKeyed)
        frame = id
        keyed = wantKeyed
        return id
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(CompactStreamKeyed<Key>(stream: stream, frame: container(keyed: true), path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        CompactStreamUnkeyed(stream: stream, frame: container(keyed: false), path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { CompactStreamSingle(encoder: self) }

    /// Claims this encoder's one value; `false` (and a failed stream) if it had one already.
    func claimValue() -> Bool {
        guard !stream.failed else { return false }
        if wroteValue || frame != nil {
            stream.failed = true
            return false
        }
        wroteValue = true
        return true
    }

    /// Closes the encoder's container after `encode(to:)` returned.
    ///
    /// - Throws: `EncodingError.invalidValue` when the value encoded nothing, as the tree does.
    func finish() throws {
        if let frame {
            stream.close(frame)
        } else if !wroteValue && !stream.failed {
            let codingPath = path.keys
            throw EncodingError.invalidValue(
                codingPath, EncodingError.Context(codingPath: codingPath, debugDescription: "the value encoded nothing"))
        }
    }
}

struct CompactStreamKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: CompactStream
    let frame: Int
    let path: CompactPath
    var codingPath: [any CodingKey] { path.keys }

    mutating func encodeNil(forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.null() } }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        if stream.key(key.stringValue, in: frame) { stream.output.tag(value ? .trueValue : .falseValue) }
    }
    mutating func encode(_ value: String, forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.string(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.double(value) } }
    mutating func encode(_ value: Float, forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.double(Double(value)) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.signed(Int64(value)) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.signed(Int64(value)) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.signed(Int64(value)) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.signed(Int64(value)) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.signed(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.unsigned(UInt64(value)) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.unsigned(UInt64(value)) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.unsigned(UInt64(value)) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.unsigned(UInt64(value)) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { if stream.key(key.stringValue, in: frame) { stream.unsigned(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        guard stream.key(key.stringValue, in: frame) else { return }
        try stream.write(value, path: path.appending(key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = stream.key(key.stringValue, in: frame) ? stream.open(keyed: true) : -1
        return KeyedEncodingContainer(CompactStreamKeyed<NestedKey>(stream: stream, frame: nested, path: path.appending(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = stream.key(key.stringValue, in: frame) ? stream.open(keyed: false) : -1
        return CompactStreamUnkeyed(stream: stream, frame: nested, path: path.appending(key))
    }

    mutating func superEncoder() -> any Encoder { unsupported() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { unsupported() }

    /// A super encoder is left to the tree: the stream fails, and writes go to a throwaway encoder.
    private func unsupported() -> any Encoder {
        stream.failed = true
        return CompactEncoding(codingPath: codingPath)
    }
}

struct CompactStreamUnkeyed: UnkeyedEncodingContainer {
    let stream: CompactStream
    let frame: Int
    let path: CompactPath
    var codingPath: [any CodingKey] { path.keys }
    var count: Int { stream.count(of: frame) }

    mutating func encodeNil() throws { if stream.item(in: frame) { stream.null() } }
    mutating func encode(_ value: Bool) throws { if stream.item(in: frame) { stream.output.tag(value ? .trueValue : .falseValue) } }
    mutating func encode(_ value: String) throws { if stream.item(in: frame) { stream.string(value) } }
    mutating func encode(_ value: Double) throws { if stream.item(in: frame) { stream.double(value) } }
    mutating func encode(_ value: Int) throws { if stream.item(in: frame) { stream.signed(Int64(value)) } }
    mutating func encode(_ value: Int64) throws { if stream.item(in: frame) { stream.signed(value) } }
    mutating func encode(_ value: UInt64) throws { if stream.item(in: frame) { stream.unsigned(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws {
        guard stream.item(in: frame) else { return }
        try stream.write(value, path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = stream.item(in: frame) ? stream.open(keyed: true) : -1
        return KeyedEncodingContainer(CompactStreamKeyed<NestedKey>(stream: stream, frame: nested, path: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = stream.item(in: frame) ? stream.open(keyed: false) : -1
        return CompactStreamUnkeyed(stream: stream, frame: nested, path: path)
    }

    mutating func superEncoder() -> any Encoder {
        stream.failed = true
        return CompactEncoding(codingPath: codingPath)
    }
}

struct CompactStreamSingle: SingleValueEncodingContainer {
    let encoder: CompactStreamEncoding
    var codingPath: [any CodingKey] { encoder.codingPath }
    private var stream: CompactStream { encoder.stream }

    mutating func encodeNil() throws { if encoder.claimValue() { stream.null() } }
    mutating func encode(_ value: Bool) throws { if encoder.claimValue() { stream.output.tag(value ? .trueValue : .falseValue) } }
    mutating func encode(_ value: String) throws { if encoder.claimValue() { stream.string(value) } }
    mutating func encode(_ value: Double) throws { if encoder.claimValue() { stream.double(value) } }
    mutating func encode(_ value: Float) throws { if encoder.claimValue() { stream.double(Double(value)) } }
    mutating func encode(_ value: Int) throws { if encoder.claimValue() { stream.signed(Int64(value)) } }
    mutating func encode(_ value: Int8) throws { if encoder.claimValue() { stream.signed(Int64(value)) } }
    mutating func encode(_ value: Int16) throws { if encoder.claimValue() { stream.signed(Int64(value)) } }
    mutating func encode(_ value: Int32) throws { if encoder.claimValue() { stream.signed(Int64(value)) } }
    mutating func encode(_ value: Int64) throws { if encoder.claimValue() { stream.signed(value) } }
    mutating func encode(_ value: UInt) throws { if encoder.claimValue() { stream.unsigned(UInt64(value)) } }
    mutating func encode(_ value: UInt8) throws { if encoder.claimValue() { stream.unsigned(UInt64(value)) } }
    mutating func encode(_ value: UInt16) throws { if encoder.claimValue() { stream.unsigned(UInt64(value)) } }
    mutating func encode(_ value: UInt32) throws { if encoder.claimValue() { stream.unsigned(UInt64(value)) } }
    mutating func encode(_ value: UInt64) throws { if encoder.claimValue() { stream.unsigned(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws {
        guard encoder.claimValue() else { return }
        try stream.write(value, path: encoder.path)
    }
}
