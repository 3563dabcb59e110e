import Synchronization

/// What components contribute to the page's `<head>`: a title, a description, the Open Graph
/// type and JSON-LD structured data. Object-page components (article, question, profile) set them.
public final class PageHead: Sendable {
    struct State {
        var title: String?
        var description: String?
        var openGraphType: String?
        var structuredData: [JSONValue] = []
        var status: Int?
    }

    private let state = Mutex(State())

    /// An empty head.
    public init() {}

    /// Sets the page title.
    public func setTitle(_ title: String) { state.withLock { $0.title = title } }
    /// Sets the meta description.
    public func setDescription(_ text: String) { state.withLock { $0.description = String(text.prefix(300)) } }
    /// Sets the Open Graph type (`article`, `profile`).
    public func setOpenGraphType(_ type: String) { state.withLock { $0.openGraphType = type } }
    /// Adds a JSON-LD object.
    public func addStructuredData(_ value: JSONValue) { state.withLock { $0.structuredData.append(value) } }
    /// Marks the response as not found (an object page whose record the viewer cannot see).
    public func setStatus(_ status: Int) { state.withLock { $0.status = status } }

    var snapshot: State { state.withLock { $0 } }
}
