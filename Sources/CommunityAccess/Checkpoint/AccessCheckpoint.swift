public import CommunityModel
public import Foundation
import Dispatch
import Synchronization

/// The access engine's state at one feed sequence, as the entities it was built from: a new
/// host loads it (no store reads, no JSON) and then follows the store's feed from
/// ``sequence`` (``AccessEngine/init(store:checkpoint:recordTypes:)``).
///
/// File format (version ``formatVersion``): the magic `CKAC`, a version byte, the sequence
/// and the entity count as 8-byte little-endian integers, then per entity its type name and
/// its ``EntityBody`` (each a varint length and bytes), and last an 8-byte FNV-1a checksum
/// of everything before it (it detects damage, not tampering: a checkpoint is a cache the
/// host writes itself). Configuration comes first, then records, then sharing rules and
/// shares: the order a fresh build applies them in.
public struct AccessCheckpoint: Sendable {
    /// The format version this build writes and reads.
    public static let formatVersion: UInt8 = 1
    static let magic: [UInt8] = Array("CKAC".utf8)

    /// The last store change the state includes.
    public let sequence: UInt64
    /// Users, roles, groups, queues, profiles, permission sets, defaults, sharing sets, sites and settings.
    let configuration: [any Entity]
    /// Every live record.
    let records: [any Record]
    /// Sharing rules and record shares.
    let grants: [any Entity]

    /// How many entities the checkpoint holds.
    public var entityCount: Int { configuration.count + records.count + grants.count }

    init(sequence: UInt64, configuration: [any Entity], records: [any Record], grants: [any Entity]) {
        self.sequence = sequence
        self.configuration = configuration
        self.records = records
        self.grants = grants
    }

    /// The checkpoint's bytes.
    ///
    /// - Throws: ``AccessCheckpointError/undecodableEntity(type:detail:)`` when an entity does not encode.
    public func encoded() throws(AccessCheckpointError) -> [UInt8] {
        var out = Self.magic
        out.append(Self.formatVersion)
        Self.appendFixed(&out, sequence)
        Self.appendFixed(&out, UInt64(entityCount))
        func put(_ entity: any Entity) throws(AccessCheckpointError) {
            let name = type(of: entity).entityType.name
            let body: [UInt8]
            do {
                body = try EntityBody.encode(entity)
            } catch {
                throw .undecodableEntity(type: name, detail: "cannot encode: \(error)")
            }
            Self.appendVarint(&out, UInt64(name.utf8.count))
            out += name.utf8
            Self.appendVarint(&out, UInt64(body.count))
            out += body
        }
        for e in configuration { try put(e) }
        for r in records { try put(r) }
        for e in grants { try put(e) }
        Self.appendFixed(&out, Self.checksum(out[...]))
        return out
    }

    /// Reads a checkpoint, decoding records of `recordTypes` (and every access entity type).
    ///
    /// - Throws: an ``AccessCheckpointError`` saying what is wrong with the bytes.
    public init(decoding bytes: [UInt8], recordTypes: [any Record.Type] = AccessEngine.standardRecordTypes) throws(AccessCheckpointError) {
        guard bytes.count >= 4, Array(bytes[0..<4]) == Self.magic else { throw .notACheckpoint }
        guard bytes.count >= 5 else { throw .truncated }
        guard bytes[4] == Self.formatVersion else { throw .unsupportedVersion(bytes[4]) }
        guard bytes.count >= 5 + 16 + 8 else { throw .truncated }
        let end = bytes.count - 8
        guard Self.fixed(bytes, end) == Self.checksum(bytes[..<end]) else { throw .checksumMismatch }
        let sequence = Self.fixed(bytes, 5)
        let count = Self.fixed(bytes, 13)
        // Find every entity first, then decode them on all cores.
        var spans: [(type: Range<Int>, body: Range<Int>)] = []
        spans.reserveCapacity(Int(clamping: min(count, UInt64(end))))
        var at = 21
        while at < end {
            let typeRange = try Self.span(bytes, &at, end)
            let bodyRange = try Self.span(bytes, &at, end)
            spans.append((typeRange, bodyRange))
        }
        guard UInt64(spans.count) == count else { throw .truncated }
        let found = spans
        let decoders = Self.decoders(recordTypes)
        let chunk = 16_384
        let chunks = (spans.count + chunk - 1) / chunk
        let results = DecodedChunks(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let result = Result<[any Entity], AccessCheckpointError> { () throws(AccessCheckpointError) -> [any Entity] in
                var decoded: [any Entity] = []
                decoded.reserveCapacity(chunk)
                for k in c * chunk..<min(found.count, (c + 1) * chunk) {
                    let (typeRange, bodyRange) = found[k]
                    let name = String(decoding: bytes[typeRange], as: UTF8.self)
                    guard let decode = decoders[name] else { throw .unknownEntityType(name) }
                    do {
                        decoded.append(try decode(bytes, bodyRange))
                    } catch {
                        throw .undecodableEntity(type: name, detail: "\(error)")
                    }
                }
                return decoded
            }
            results.slots.withLock { $0[c] = result }
        }
        var configuration: [any Entity] = []
        var records: [any Record] = []
        var grants: [any Entity] = []
        records.reserveCapacity(spans.count)
        for result in results.slots.withLock({ $0 }) {
            guard let result else { throw .truncated }
            for entity in try result.get() {
                if let record = entity as? any Record {
                    records.append(record)
                } else if entity is SharingRule || entity is RecordShare {
                    grants.append(entity)
                } else {
                    configuration.append(entity)
                }
            }
        }
        self.init(sequence: sequence, configuration: configuration, records: records, grants: grants)
    }

    /// Writes the checkpoint to `url` atomically (a temporary file renamed over it).
    ///
    /// - Throws: ``AccessCheckpointError/io(_:)`` when the file cannot be written.
    public func write(to url: URL) throws(AccessCheckpointError) {
        let bytes = try encoded()
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw .io("cannot write \(url.path): \(error)")
        }
    }

    /// Reads the checkpoint in `url`.
    ///
    /// - Throws: ``AccessCheckpointError/io(_:)`` when the file cannot be read, or what
    ///   ``init(decoding:recordTypes:)`` throws.
    public init(contentsOf url: URL, recordTypes: [any Record.Type] = AccessEngine.standardRecordTypes) throws(AccessCheckpointError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .io("cannot read \(url.path): \(error)")
        }
        try self.init(decoding: [UInt8](data), recordTypes: recordTypes)
    }

    // MARK: Encoding helpers

    typealias Decode = @Sendable ([UInt8], Range<Int>) throws -> any Entity

    /// Decoders for every entity type the engine keeps, plus `recordTypes`.
    static func decoders(_ recordTypes: [any Record.Type]) -> [String: Decode] {
        var table: [String: Decode] = [:]
        func add<E: Entity>(_ type: E.Type) {
            table[E.entityType.name] = { bytes, range in try EntityBody.decode(E.self, from: bytes, range: range) }
        }
        for type in AccessEngine.accessEntityTypes { add(type) }
        for type in recordTypes { add(type) }
        return table
    }

    static func appendFixed(_ out: inout [UInt8], _ value: UInt64) {
        for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(k)))) }
    }

    static func fixed(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        var value: UInt64 = 0
        for k in 0..<8 { value |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
        return value
    }

    static func appendVarint(_ out: inout [UInt8], _ value: UInt64) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(truncatingIfNeeded: v))
    }

    /// A varint length at `at` and the bytes it counts, all before `end`; advances `at` past them.
    static func span(_ bytes: [UInt8], _ at: inout Int, _ end: Int) throws(AccessCheckpointError) -> Range<Int> {
        var length: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard at < end, shift < 63 else { throw .truncated }
            let b = bytes[at]
            at += 1
            length |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { break }
            shift += 7
        }
        guard length <= UInt64(end - at) else { throw .truncated }
        let range = at..<at + Int(length)
        at = range.upperBound
        return range
    }

    /// FNV-1a, 64 bits: detects accidental damage (not a cryptographic digest).
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// The per-chunk results of a checkpoint's parallel decoding.
private final class DecodedChunks: Sendable {
    let slots: Mutex<[Result<[any Entity], AccessCheckpointError>?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
}
