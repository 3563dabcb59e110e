import Foundation

/// An sRGB colour written as `#RRGGBB`. Parsing accepts only that form, so a colour can
/// never carry CSS syntax into a stylesheet.
public struct ThemeColor: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Red, green, blue, 0–255.
    public let red: UInt8, green: UInt8, blue: UInt8

    /// A colour from components.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#RRGGBB` or `#RGB`; `nil` otherwise.
    public init?(hex: String) {
        var text = Substring(hex)
        guard text.first == "#" else { return nil }
        text = text.dropFirst()
        if text.count == 3 { text = Substring(text.map { "\($0)\($0)" }.joined()) }
        guard text.count == 6, text.allSatisfy(\.isHexDigit), let value = UInt32(text, radix: 16) else { return nil }
        self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }

    /// A colour literal in code.
    public init(_ literal: StaticString) {
        guard let color = ThemeColor(hex: literal.description) else { preconditionFailure("bad colour \(literal)") }  // trap-safe: StaticString literals in code only; runtime text goes through init(hex:)
        self = color
    }

    /// `#rrggbb`.
    public var description: String {
        "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Relative luminance (WCAG 2.x).
    public var luminance: Double {
        func channel(_ c: UInt8) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// The WCAG contrast ratio with another colour, 1–21.
    public func contrast(with other: ThemeColor) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let color = ThemeColor(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a #RRGGBB colour: \(text)"))
        }
        self = color
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

