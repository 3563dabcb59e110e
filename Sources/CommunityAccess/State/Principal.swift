import CommunityModel

/// A grantee resolved to dense ids: the engine's internal form of ``Grantee``.
struct Principal: Hashable, Sendable {
    enum Kind: UInt8, Sendable {
        case user, group, role, roleAndSubordinates, roleAndInternalSubordinates, queue, allPartners, allCustomers
    }

    var kind: Kind
    var index: UInt32
}

/// One explicit share row on a record.
struct ShareRow: Sendable, Hashable {
    enum Cause: UInt8, Sendable { case manual, team, programmatic }
    var principal: Principal
    var level: AccessLevelCode
    var cause: Cause
    var child: ChildAccess
    var share: UInt32
    /// For manual shares: the owner (``AccessState/ownerCode``) the record must still have; -1 for any.
    var owner: Int64 = -1
}

/// The per-record columns the hot path reads.
struct RecordRow: Sendable {
    // 32 bytes, ordered widest first: half a cache line, so the million rows of a large org
    // take 32 MiB. The contact link, which only external users' checks read, lives in a
    // side column (``AccessState/rowContacts``).
    /// Criteria-rule slots of the record's object that match it.
    var criteria: UInt64 = 0
    /// The owner: a user's dense id (>= 0), a queue's as `-2 - queue`, or -1 for none.
    private var owner: Int32 = -1
    /// The account (record index) the record belongs to; for accounts, itself.
    var account: Int32 = -1
    /// For Controlled by Parent objects: the parent record index.
    var parent: Int32 = -1
    /// Copies of the owning user's facts (kept in step by ``AccessState/syncOwnerColumns``),
    /// so a check reads no second per-user row: the owner's role, owner-rule class and bits.
    var ownerRole: Int32 = -1
    var ownerClass: UInt32 = 0
    var object: UInt16 = 0
    private var flags: UInt8 = 0
    var ownerBits: UInt8 = 0

    /// Owning user (dense id) or -1.
    var ownerUser: Int32 {
        @inline(__always) get { owner >= 0 ? owner : -1 }
        set { if newValue >= 0 { owner = newValue } else if owner >= 0 { owner = -1 } }
    }

    /// Owning queue (dense id) or -1.
    var ownerQueue: Int32 {
        @inline(__always) get { owner <= -2 ? -2 - owner : -1 }
        set { if newValue >= 0 { owner = -2 - newValue } else if owner <= -2 { owner = -1 } }
    }

    /// Whether the row holds a live record.
    var alive: Bool {
        @inline(__always) get { flags & 1 != 0 }
        set { flags = newValue ? flags | 1 : flags & ~1 }
    }

    /// Whether explicit shares exist on the record (saves a lookup on the hot path).
    var hasShares: Bool {
        @inline(__always) get { flags & 2 != 0 }
        set { flags = newValue ? flags | 2 : flags & ~2 }
    }
}

/// A record's identity: object and id.
struct RecordKey: Hashable, Sendable {
    var object: UInt16
    var id: String

    /// A 64-bit FNV-1a fingerprint of the object and the id's UTF-8 bytes: hashing feeds
    /// this one word to the hasher instead of the whole string, and shards use it too.
    /// Equal keys have equal fingerprints; equality still compares the ids.
    var fingerprint: UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(object)
        let done: Void? = id.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        }
        if done == nil {
            for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        }
        return h
    }

    func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }

    static func == (a: RecordKey, b: RecordKey) -> Bool { a.object == b.object && a.id == b.id }
}

typealias AccessLevelCode = UInt8

extension AccessLevel {
    @inline(__always) var code: AccessLevelCode { AccessLevelCode(rawValue) }
    @inline(__always) init(code: AccessLevelCode) { self = AccessLevel(rawValue: Int(code)) ?? .none }
}

extension RecordRow {
    /// Writes the row's columns for a checkpoint (see ``AccessCheckpoint``).
    func write(to out: inout CheckpointWriter) {
        out.u64(criteria)
        out.i32(owner)
        out.i32(account)
        out.i32(parent)
        out.i32(ownerRole)
        out.u32(ownerClass)
        out.u16(object)
        out.u8(flags)
        out.u8(ownerBits)
    }

    /// Reads a row ``write(to:)`` wrote.
    init(reading input: inout CheckpointReader) throws(AccessCheckpointError) {
        criteria = try input.u64()
        owner = try input.i32()
        account = try input.i32()
        parent = try input.i32()
        ownerRole = try input.i32()
        ownerClass = try input.u32()
        object = try input.u16()
        flags = try input.u8()
        ownerBits = try input.u8()
    }
}
