import Foundation

/// Text that is either plain (escaped on output) or already sanitised markup.
public enum RichText: Sendable, Hashable {
    /// Plain text; paragraphs split on blank lines.
    case plain(String)
    /// Markup that passed the sanitiser.
    case sanitized(TrustedHTML)

    /// The text as nodes.
    public var node: HTMLNode {
        switch self {
        case .sanitized(let html): .trusted(html)
        case .plain(let text):
            .fragment(text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { HTMLNode.el("p", text: $0) })
        }
    }
}
