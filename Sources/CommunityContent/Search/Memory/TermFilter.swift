/// A Bloom filter over one segment's terms: tells that a string is certainly not one of them
/// with one cheap hash and one word read, before the term dictionary is asked (which hashes the
/// string again and misses the cache on a large vocabulary). It never says "absent" for a term
/// it was built from, so a lookup guarded by it finds exactly what the dictionary finds; a
/// "maybe" goes on to the dictionary. The split- and joined-word probes of every query ask it
/// about strings that are mostly not terms.
struct TermFilter: Sendable {
    private let bits: [UInt64]
    /// `bits.count - 1`: the word-index mask (the word count is a power of two).
    private let mask: UInt64

    /// Bits per term: with two probes in one word, about 2% false "maybe"s when full.
    static let bitsPerTerm = 16

    /// A filter holding `terms`. Both of a term's bits lie in one 64-bit word, so a probe reads
    /// one cache line (the filter of a large segment does not fit in the nearer caches).
    init(_ terms: [String]) { self.init(terms, extending: nil) }

    /// A filter holding `terms`, when `base` is the filter of a prefix of them (an appending merge):
    /// if both have the same size, `base`'s bits are kept and only the terms after that prefix are
    /// hashed in. The same bits as a filter built from all of `terms`.
    init(_ terms: [String], extending base: (filter: TermFilter, termCount: Int)?) {
        var bitCount = 4096
        while bitCount < terms.count * Self.bitsPerTerm, bitCount < 1 << 30 { bitCount <<= 1 }
        var bits: [UInt64]
        var first = 0
        if let base, base.filter.bits.count == bitCount >> 6, base.termCount <= terms.count {
            bits = base.filter.bits
            first = base.termCount
        } else {
            bits = [UInt64](repeating: 0, count: bitCount >> 6)
        }
        let mask = UInt64(bits.count - 1)
        for term in terms[first...] {
            let h = Self.hash(term)
            bits[Int((h >> 32) & mask)] |= Self.probe(h)
        }
        self.bits = bits
        self.mask = mask
    }

    /// The two bits of a hash within its word.
    @inline(__always)
    private static func probe(_ h: UInt64) -> UInt64 { 1 << (h & 63) | 1 << ((h >> 6) & 63) }

    /// False when `term` is certainly not one of the filter's terms.
    @inline(__always)
    func mightContain(hash h: UInt64) -> Bool {
        let probe = Self.probe(h)
        return bits[Int((h >> 32) & mask)] & probe == probe
    }

    /// False when `term` is certainly not one of the filter's terms.
    func mightContain(_ term: String) -> Bool { mightContain(hash: Self.hash(term)) }

    /// FNV-1a over the UTF-8 bytes, then a 64-bit finaliser so both halves are well mixed.
    static func hash(_ term: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var term = term
        term.withUTF8 { bytes in
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
