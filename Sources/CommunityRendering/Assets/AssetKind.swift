/// The file types a site may serve as assets: images that browsers never execute when shown
/// through `<img>` or `<link rel="icon">`.
public enum AssetKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A PNG image.
    case png
    /// An SVG image, served for use as an image only (see ``SiteAsset``).
    case svg
    /// A Windows icon (favicon).
    case ico

    /// The `Content-Type` it is served with.
    public var contentType: String {
        switch self {
        case .png: "image/png"
        case .svg: "image/svg+xml"
        case .ico: "image/x-icon"
        }
    }

    /// The kind a file name's extension names, such as `logo.svg` → ``svg``; `nil` for any other.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        self.init(rawValue: fileName[fileName.index(after: dot)...].lowercased())
    }
}
