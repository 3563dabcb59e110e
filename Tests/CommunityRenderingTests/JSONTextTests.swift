import CommunityRendering
import CommunityTesting
import Foundation
import Testing

/// `JSONValue.compactText` writes JSON directly; it must be byte for byte what `JSONEncoder`
/// writes with sorted keys and unescaped slashes (API answers, ETags and stored layouts rely on
/// one spelling), checked on random values.
@Suite struct JSONTextTests {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private func encoded(_ value: JSONValue) -> String? {
        (try? Self.encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }

    private static let pieces: [String] = [
        "a", "Z", "é", "e\u{301}", "ß", "😀", "Ａ", "한", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{c}", "\u{0}",
        "\u{1f}", "\u{7f}", "\u{2028}", "<script>", " ", "10", "9", "_",
    ]

    private func randomString(_ random: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...5, using: &random)).map { _ in Self.pieces.randomElement(using: &random) ?? "a" }.joined()
    }

    private func randomNumber(_ random: inout some RandomNumberGenerator) -> Double {
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            return Double(Int.random(in: -1_000_000...1_000_000, using: &random))
        case 1:
            return Double.random(in: -1...1, using: &random)
        case 2:
            let edges: [Double] = [0, -0.0, 1e16, 1e17, 1e21, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1, 1.2345678901234568e17]
            return edges.randomElement(using: &random) ?? 0
        default:
            let number = Double(bitPattern: UInt64.random(in: .min ... .max, using: &random))
            return number.isFinite ? number : 1.5
        }
    }

    private func randomValue(depth: Int, _ random: inout some RandomNumberGenerator) -> JSONValue {
        switch Int.random(in: 0..<(depth > 2 ? 4 : 6), using: &random) {
        case 0: .null
        case 1: .bool(Bool.random(using: &random))
        case 2: .number(randomNumber(&random))
        case 3: .string(randomString(&random))
        case 4: .array((0..<Int.random(in: 0...4, using: &random)).map { _ in randomValue(depth: depth + 1, &random) })
        default:
            .object(Dictionary((0..<Int.random(in: 0...5, using: &random)).map { _ in (randomString(&random), randomValue(depth: depth + 1, &random)) },
                               uniquingKeysWith: { first, _ in first }))
        }
    }

    @Test func compactTextIsWhatJSONEncoderWrites() {
        var random = SeededRandom(seed: 0x150_7E47)
        for _ in 0..<2_000 {
            let value = randomValue(depth: 0, &random)
            #expect(value.compactText == encoded(value), "\(encoded(value) ?? "nil")")
        }
    }

    @Test func keysSortByTheirBytesAndControlCharactersAreEscaped() {
        // A decomposed "e\u{301}x" starts with the byte of "e", so it sorts before "s"; the
        // precomposed "éa" starts with 0xC3 and sorts after it (Swift's `<` would disagree).
        let value: JSONValue = ["b": 1, "B": 2, "e\u{301}x": 3, "\u{e9}a": 4, "s": "a\"b\\c/d\u{7}\n"]
        #expect(value.compactText == #"{"B":2,"b":1,"éx":3,"s":"a\"b\\c/d\u0007\n","éa":4}"#.replacingOccurrences(of: "éx", with: "e\u{301}x"))
    }

    @Test func numbersWithoutAFractionLoseTheirPointAndNonFiniteNumbersAreRefused() {
        #expect(JSONValue.array([3, 0.5, 1e20, -0.0]).compactText == "[3,0.5,1e+20,-0]")
        #expect(JSONValue.array([.number(.nan)]).compactText == nil)
        #expect(JSONValue.object(["x": .number(.infinity)]).description == "null")
    }
}
