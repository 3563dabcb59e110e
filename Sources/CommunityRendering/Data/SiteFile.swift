/// A file ready to send: its name, its stored media type and its bytes.
public struct SiteFile: Sendable, Hashable {
    /// The file's name.
    public var fileName: String
    /// The media type it was stored with.
    public var contentType: String
    /// The bytes.
    public var bytes: [UInt8]

    /// A file.
    public init(fileName: String, contentType: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.contentType = contentType
        self.bytes = bytes
    }
}
