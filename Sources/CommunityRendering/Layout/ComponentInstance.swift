/// One placed component: an id unique in the page, its type, its properties as JSON and
/// optionally the audience that sees it.
public struct ComponentInstance: Sendable, Hashable, Codable {
    /// Unique within the page layout.
    public var id: String
    /// The component type.
    public var type: ComponentType
    /// The component's properties (a JSON object).
    public var properties: JSONValue
    /// When set, only viewers in this audience see the component.
    public var audienceID: String?

    /// Creates an instance.
    public init(id: String, type: ComponentType, properties: JSONValue = [:], audienceID: String? = nil) {
        self.id = id
        self.type = type
        self.properties = properties
        self.audienceID = audienceID
    }
}
