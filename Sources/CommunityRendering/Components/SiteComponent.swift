/// A component a page layout can place: a stable type identifier, Codable properties with a
/// described schema, and a render function.
///
/// Hosts write their own next to the built-ins and register them in a ``ComponentRegistry``:
///
/// ```swift
/// struct Quote: SiteComponent {
///     struct Properties: Codable, Sendable { var text: String }
///     static let type: ComponentType = "acme.quote"
///     static let propertySchema = PropertySchema([.init("text", .string, required: true)])
///     let properties: Properties
///     init(properties: Properties) { self.properties = properties }
///     func render(in context: RenderContext) throws -> HTMLNode { .el("blockquote", text: properties.text) }
/// }
/// ```
///
/// A conformer must render hostile property values and data as text: the hostile-input
/// table in `BuiltInEscapingTests` is the test to copy.
public protocol SiteComponent: Sendable {
    /// The component's properties, decoded once when the page is compiled.
    associatedtype Properties: Codable & Sendable
    /// The stable type identifier, such as `"community.richText"`.
    static var type: ComponentType { get }
    /// What properties exist, their types, defaults and allowed values.
    static var propertySchema: PropertySchema { get }
    /// Creates the component from decoded properties.
    init(properties: Properties)
    /// Renders the component for the context's viewer.
    func render(in context: RenderContext) throws -> HTMLNode
}
