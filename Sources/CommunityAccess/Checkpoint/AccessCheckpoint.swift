import CCrypto
public import CommunityModel
public import Foundation

/// The access engine's state at one feed sequence, as the engine's own tables: a new host
/// loads it (no store reads, no index building, no record decoding) and then follows the
/// store's feed from ``sequence`` (``AccessEngine/init(store:checkpoint:recordTypes:)``).
///
/// File format (version ``formatVersion``): the magic `CKAC`, a version byte, the sequence
/// as an 8-byte little-endian integer, then the tables, and last the SHA-256 digest of
/// everything before it. The tables: the interned ids (objects, users, roles, groups,
/// queues, sharing sets, rules, shares) in dense-id order; every record row (its id, its
/// columns: owner, account, parent, owner facts, object, flags and criteria bits; its
/// contact link; and for live rows the record's compact ``EntityBody``); the records of each
/// object; live counts; the owner, account, contact and parent indexes; criteria-rule
/// matches, slots and the criteria field index; and last the configuration, rule and share
/// entities as type names and compact bodies. Counts and lengths are varints. Loading
/// checks the digest, installs the tables as they are, decodes only the configuration and
/// grant entities (on all cores) and rebuilds the user directory; record bodies stay
/// encoded until something reads them (a listing, a criteria rule added later).
public struct AccessCheckpoint: Sendable {
    /// The format version this build writes and reads.
    public static let formatVersion: UInt8 = 2
    static let magic: [UInt8] = Array("CKAC".utf8)
    /// Magic, version byte and sequence.
    static let headerSize = 13
    static let digestSize = 32

    /// The last store change the state includes.
    public let sequence: UInt64
    /// The engine's state at ``sequence``.
    let state: AccessState

    /// How many entities the checkpoint holds (configuration, live records, rules and shares).
    public var entityCount: Int { state.checkpointEntityCount }

    init(state: AccessState) {
        self.sequence = state.sequence
        self.state = state
    }

    /// The checkpoint's bytes.
    ///
    /// - Throws: ``AccessCheckpointError/undecodableEntity(type:detail:)`` when an entity does not encode.
    public func encoded() throws(AccessCheckpointError) -> [UInt8] {
        var out = CheckpointWriter()
        out.bytes = Self.magic
        out.u8(Self.formatVersion)
        out.u64(sequence)
        try state.writeTables(to: &out)
        out.bytes += Self.digest(out.bytes, 0..<out.bytes.count)
        return out.bytes
    }

    /// Reads a checkpoint whose records are of `recordTypes`.
    ///
    /// - Throws: an ``AccessCheckpointError`` saying what is wrong with the bytes: not a
    ///   checkpoint, another format version, truncated, a digest that does not match, a record
    ///   type not in `recordTypes`, or tables that do not fit together.
    public init(decoding bytes: [UInt8], recordTypes: [any Record.Type] = AccessEngine.standardRecordTypes) throws(AccessCheckpointError) {
        guard bytes.count >= 4, Array(bytes[0..<4]) == Self.magic else { throw .notACheckpoint }
        guard bytes.count >= 5 else { throw .truncated }
        guard bytes[4] == Self.formatVersion else { throw .unsupportedVersion(bytes[4]) }
        guard bytes.count >= Self.headerSize + Self.digestSize else { throw .truncated }
        let end = bytes.count - Self.digestSize
        guard Self.digest(bytes, 0..<end) == Array(bytes[end...]) else { throw .checksumMismatch }
        var input = CheckpointReader(bytes, from: 5, to: end)
        let sequence = try input.u64()
        let state = try AccessState.restoring(
            from: &input, sequence: sequence, recordDecoders: Self.recordDecoders(recordTypes),
            entityDecoders: Self.entityDecoders())
        self.init(state: state)
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

    // MARK: Helpers

    /// Decoders for the records of `recordTypes`, by type name.
    static func recordDecoders(_ recordTypes: [any Record.Type]) -> [String: RecordBodies.Decode] {
        var table: [String: RecordBodies.Decode] = [:]
        func add<R: Record>(_ type: R.Type) {
            table[R.entityType.name] = { bytes, range in try EntityBody.decode(R.self, from: bytes, range: range) }
        }
        for type in recordTypes { add(type) }
        return table
    }

    /// Decoders for every entity type the engine keeps besides records, by type name.
    static func entityDecoders() -> [String: CheckpointEntityDecode] {
        var table: [String: CheckpointEntityDecode] = [:]
        func add<E: Entity>(_ type: E.Type) {
            table[E.entityType.name] = { bytes, range in try EntityBody.decode(E.self, from: bytes, range: range) }
        }
        for type in AccessEngine.accessEntityTypes { add(type) }
        return table
    }

    /// The SHA-256 digest of `bytes[range]` (libcrypto).
    static func digest(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: digestSize)
        bytes.withUnsafeBufferPointer { buffer in
            out.withUnsafeMutableBufferPointer { digest in
                guard let base = buffer.baseAddress, let target = digest.baseAddress else { return }
                _ = SHA256(base + range.lowerBound, range.count, target)
            }
        }
        return out
    }
}
