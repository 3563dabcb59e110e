/// One piece of markup as ``HTMLTokenizer`` reads it.
enum HTMLToken: Equatable {
    /// Text between tags, with character references already decoded.
    case text(String)
    /// An opening tag: lower-cased name, attributes in source order (names lower-cased,
    /// values decoded), and whether it closed itself (`<br/>`).
    case start(name: String, attributes: [(name: String, value: String)], selfClosing: Bool)
    /// A closing tag, lower-cased.
    case end(name: String)
    /// A comment, doctype or processing instruction: always dropped.
    case ignorable

    static func == (lhs: HTMLToken, rhs: HTMLToken) -> Bool {
        switch (lhs, rhs) {
        case (.text(let a), .text(let b)): a == b
        case (.start(let n1, let a1, let s1), .start(let n2, let a2, let s2)):
            n1 == n2 && s1 == s2 && a1.count == a2.count
                && zip(a1, a2).allSatisfy { $0.name == $1.name && $0.value == $1.value }
        case (.end(let a), .end(let b)): a == b
        case (.ignorable, .ignorable): true
        default: false
        }
    }
}
