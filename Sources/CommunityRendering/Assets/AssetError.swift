/// Why an asset was refused.
public enum AssetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name is not a lowercase `name.ext` of letters, digits, `-` and `_`, up to 64 characters.
    case invalidName(String)
    /// The extension names no served type (only PNG, SVG and ICO are served).
    case unsupportedType(name: String)
    /// Larger than the limit.
    case tooLarge(name: String, byteCount: Int, limit: Int)
    /// The bytes are not a file of the type the name says.
    case contentMismatch(name: String, expected: AssetKind)
    /// An SVG carries something that could run or load when opened (scripts, event
    /// handlers, foreign content, external references, entity declarations).
    case unsafeSVG(name: String, reason: String)

    public var description: String {
        switch self {
        case .invalidName(let name): "asset name \"\(name.prefix(80))\" must be lowercase letters, digits, - and _ with a .png, .svg or .ico extension"
        case .unsupportedType(let name): "asset \"\(name)\" is not PNG, SVG or ICO"
        case .tooLarge(let name, let count, let limit): "asset \"\(name)\" has \(count) bytes, more than the limit of \(limit)"
        case .contentMismatch(let name, let kind): "asset \"\(name)\" is not a valid \(kind.rawValue.uppercased()) file"
        case .unsafeSVG(let name, let reason): "SVG asset \"\(name)\" is refused: \(reason)"
        }
    }
}
