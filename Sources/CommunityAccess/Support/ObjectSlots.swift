/// Criteria-rule slots per object, indexed by the object's dense id (an array, so the hot
/// path finds an object's slots without hashing).
struct ObjectSlots: Sendable, Sequence {
    private var byObject: [[UInt32?]?] = []

    subscript(object: UInt16) -> [UInt32?]? {
        get { Int(object) < byObject.count ? byObject[Int(object)] : nil }
        set {
            if Int(object) >= byObject.count {
                guard newValue != nil else { return }
                byObject += [[UInt32?]?](repeating: nil, count: Int(object) + 1 - byObject.count)
            }
            byObject[Int(object)] = newValue
        }
    }

    /// The rule in slot `slot` of `object`, read in place (no copy of the slot list).
    @inline(__always) func rule(_ object: UInt16, _ slot: Int) -> UInt32? {
        guard Int(object) < byObject.count else { return nil }
        return byObject[Int(object)].flatMap { slot < $0.count ? $0[slot] : nil }
    }

    /// Every object that has slots, with its slots.
    func makeIterator() -> IndexingIterator<[(UInt16, [UInt32?])]> {
        byObject.enumerated().compactMap { o, slots in slots.map { (UInt16(o), $0) } }.makeIterator()
    }
}

extension ObjectSlots {
    /// Writes every object's slots for a checkpoint.
    func write(to out: inout CheckpointWriter) {
        let all = Array(self)
        out.varint(all.count)
        for (object, slots) in all {
            out.u16(object)
            out.varint(slots.count)
            for rule in slots { out.u32(rule ?? UInt32.max) }
        }
    }

    /// Reads slots ``write(to:)`` wrote.
    init(reading input: inout CheckpointReader) throws(AccessCheckpointError) {
        self.init()
        for _ in 0..<(try input.varint()) {
            let object = try input.u16()
            var slots: [UInt32?] = []
            for _ in 0..<(try input.varint()) {
                let rule = try input.u32()
                slots.append(rule == UInt32.max ? nil : rule)
            }
            self[object] = slots
        }
    }
}
