import CommunityModel

/// A record as the engine's state keeps it: decoded, or still the compact body it was
/// loaded with from a checkpoint (decoded when something reads it, so that a host
/// restarting from a checkpoint does not decode a million records it may never look at).
enum StoredRecord: Sendable {
    case decoded(any Record)
    /// Body `index` of a checkpoint's record bodies.
    case encoded(RecordBodies, Int)

    /// The record (decoding its body if needed).
    @inline(__always) var record: any Record {
        switch self {
        case .decoded(let record): record
        case .encoded(let bodies, let index): bodies.record(index)
        }
    }
}

/// The record bodies of a loaded checkpoint: one immutable buffer, the range of each body,
/// and a decoder per record type. The buffer passed the checkpoint's SHA-256 check and each
/// body's type has a decoder (checked at load), so a body that still fails to decode means
/// this build's record type cannot read what the same type wrote; it reads as the empty
/// ``MissingRecord`` (no fields, so it matches no criteria and lists no values).
final class RecordBodies: Sendable {
    typealias Decode = @Sendable ([UInt8], Range<Int>) throws -> any Record

    let bytes: [UInt8]
    let starts: [Int]
    let ends: [Int]
    /// Per body: its record's dense object id.
    let kinds: [UInt16]
    /// Decoders by dense object id (present for every object a body belongs to).
    let decoders: [Decode?]

    init(bytes: [UInt8], starts: [Int], ends: [Int], kinds: [UInt16], decoders: [Decode?]) {
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
        self.kinds = kinds
        self.decoders = decoders
    }

    func record(_ index: Int) -> any Record {
        guard index >= 0, index < starts.count, Int(kinds[index]) < decoders.count, let decode = decoders[Int(kinds[index])] else {
            return MissingRecord()
        }
        return (try? decode(bytes, starts[index]..<ends[index])) ?? MissingRecord()
    }
}
