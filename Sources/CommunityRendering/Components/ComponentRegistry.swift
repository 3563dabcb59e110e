/// The component types a community can render, by type identifier.
///
/// Built at set-up: register the built-ins (``standard``) and the host's own types; a
/// duplicate identifier fails at once. A `Community` freezes its registry when it is
/// built, after which registering throws ``RegistryError/frozen``.
public struct ComponentRegistry: Sendable {
    /// What the registry knows about one type.
    public struct Entry: Sendable {
        /// The type identifier.
        public let type: ComponentType
        /// The described properties.
        public let schema: PropertySchema
        /// Decodes properties (defaults applied) and returns a renderer.
        let make: @Sendable (JSONValue) throws -> @Sendable (RenderContext) throws -> HTMLNode
    }

    private var entries: [ComponentType: Entry] = [:]
    /// Whether registration is closed.
    public private(set) var isFrozen = false

    /// An empty registry.
    public init() {}

    /// Registers a component type.
    ///
    /// - Throws: ``RegistryError`` when the identifier is taken, malformed, or the registry is frozen.
    public mutating func register<C: SiteComponent>(_ component: C.Type) throws(RegistryError) {
        guard !isFrozen else { throw .frozen(C.type) }
        guard C.type.isWellFormed else { throw .malformedType(C.type) }
        guard entries[C.type] == nil else { throw .duplicateType(C.type) }
        let schema = C.propertySchema
        entries[C.type] = Entry(type: C.type, schema: schema) { properties in
            let decoded = try schema.applyingDefaults(to: properties).decode(C.Properties.self)
            let component = C(properties: decoded)
            return { context in try component.render(in: context) }
        }
    }

    /// A copy that refuses further registration.
    public func frozen() -> ComponentRegistry {
        var copy = self
        copy.isFrozen = true
        return copy
    }

    /// The entry for a type.
    public func entry(for type: ComponentType) -> Entry? { entries[type] }

    /// Every registered type identifier, sorted.
    public var types: [ComponentType] { entries.keys.sorted() }

    /// Decodes an instance's properties into a renderer.
    ///
    /// - Throws: ``LayoutError`` naming the instance when its type is unknown or its properties do not decode.
    public func compile(_ instance: ComponentInstance, path: String) throws(LayoutError)
        -> @Sendable (RenderContext) throws -> HTMLNode
    {
        guard let entry = entries[instance.type] else {
            throw LayoutError(issues: [.unknownComponentType(instance.type, path: path)])
        }
        do {
            return try entry.make(instance.properties)
        } catch {
            throw LayoutError(issues: [.undecodableProperties(reason: "\(error)", path: path)])
        }
    }
}

/// Why a component type could not be registered.
public enum RegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another component already uses the identifier.
    case duplicateType(ComponentType)
    /// The identifier is not of the form `vendor.name`.
    case malformedType(ComponentType)
    /// The registry belongs to a built community and is closed.
    case frozen(ComponentType)

    public var description: String {
        switch self {
        case .duplicateType(let t): "component type \(t) is already registered"
        case .malformedType(let t): "component type \(t) is not of the form vendor.name"
        case .frozen(let t): "cannot register \(t): the registry is frozen"
        }
    }
}
