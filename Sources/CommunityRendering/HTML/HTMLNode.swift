/// A node of an HTML document: text, an element, trusted markup or a fragment of nodes.
///
/// Text and attribute values are escaped when the node is rendered, so no value a
/// component puts into a node can become markup. Raw markup enters only through
/// ``TrustedHTML``.
public indirect enum HTMLNode: Sendable, Hashable {
    /// Text, escaped on output.
    case text(String)
    /// An element with attributes and children.
    case element(HTMLTag, [HTMLAttribute], [HTMLNode])
    /// Markup that is emitted as is: sanitiser output or library constants.
    case trusted(TrustedHTML)
    /// Several nodes in a row, without a wrapping element.
    case fragment([HTMLNode])

    /// Nothing.
    public static let empty = HTMLNode.fragment([])

    /// An element.
    public static func el(_ tag: HTMLTag, _ attributes: [HTMLAttribute] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        .element(tag, attributes, children)
    }

    /// An element holding only text.
    public static func el(_ tag: HTMLTag, _ attributes: [HTMLAttribute] = [], text: String) -> HTMLNode {
        .element(tag, attributes, [.text(text)])
    }

    /// The serialised markup.
    public func render() -> String {
        var out = ""
        out.reserveCapacity(256)
        render(into: &out)
        return out
    }

    /// Appends the serialised markup to `out`.
    public func render(into out: inout String) {
        switch self {
        case .text(let text):
            HTMLEscaping.append(text, to: &out)
        case .trusted(let html):
            out += html.markup
        case .fragment(let nodes):
            for node in nodes { node.render(into: &out) }
        case .element(let tag, let attributes, let children):
            out += "<"
            out += tag.name
            for attribute in attributes { attribute.render(into: &out) }
            out += ">"
            if tag.isVoid { return }
            for child in children { child.render(into: &out) }
            out += "</"
            out += tag.name
            out += ">"
        }
    }

    /// The concatenated text of this node and its descendants (trusted markup excluded).
    public var textContent: String {
        switch self {
        case .text(let text): text
        case .trusted: ""
        case .fragment(let nodes): nodes.map(\.textContent).joined()
        case .element(_, _, let children): children.map(\.textContent).joined()
        }
    }
}
