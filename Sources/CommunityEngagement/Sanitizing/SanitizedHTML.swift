/// Rich text that has passed a ``RichTextSanitizer``: safe to emit as markup.
///
/// Only the sanitiser (and ``init(escaping:)``) create it, so holding one means the text was
/// cleaned or escaped.
public struct SanitizedHTML: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The cleaned markup.
    public let html: String

    init(trusted html: String) { self.html = html }

    /// Plain text shown as-is: every special character escaped.
    public init(escaping text: String) { self.html = CharacterReferences.escape(text) }

    public var description: String { html }
}
