#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The random bits behind ``ID/generate(prefix:)``: 80 bits per identifier from the system's
/// cryptographic generator, drawn 4 KiB at a time so that making an identifier costs no system
/// call and no Foundation string work (it sits on every write path).
enum RandomIDSource {
    /// Words already drawn and the next one to hand out.
    struct Pool {
        var words: [UInt64] = []
        var next = 0
    }

    private static let pool = Mutex(Pool())
    private static let blockWords = 512

    /// Two fresh random words.
    static func nextPair() -> (UInt64, UInt64) {
        if let sequence = IdentifierSequence.current { return sequence.nextPair() }
        return pool.withLock { pool in
            if pool.next + 2 > pool.words.count {
                pool.words = randomWords(blockWords)
                pool.next = 0
            }
            defer { pool.next += 2 }
            return (pool.words[pool.next], pool.words[pool.next + 1])
        }
    }

    private static func randomWords(_ count: Int) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: count)
        #if canImport(Glibc) || canImport(Darwin)
        words.withUnsafeMutableBytes { buffer in if let base = buffer.baseAddress { arc4random_buf(base, buffer.count) } }
        #else
        var generator = SystemRandomNumberGenerator()
        for i in words.indices { words[i] = generator.next() }
        #endif
        return words
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `prefix_` followed by 20 lowercase hexadecimal digits (80 random bits).
    static func identifier(prefix: String) -> String {
        let (high, low) = nextPair()
        let prefixCount = prefix.utf8.count
        return String(unsafeUninitializedCapacity: prefixCount + 21) { buffer in
            var i = 0
            for byte in prefix.utf8 {
                buffer[i] = byte
                i += 1
            }
            buffer[i] = UInt8(ascii: "_")
            i += 1
            // 16 bits of the first word, then all 64 of the second: 20 hex digits.
            for shift in stride(from: 12, through: 0, by: -4) {
                buffer[i] = hexDigits[Int((high >> UInt64(shift)) & 0xF)]
                i += 1
            }
            for shift in stride(from: 60, through: 0, by: -4) {
                buffer[i] = hexDigits[Int((low >> UInt64(shift)) & 0xF)]
                i += 1
            }
            return i
        }
    }
}
