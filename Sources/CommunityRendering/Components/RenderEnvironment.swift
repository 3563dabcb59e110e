/// A key for a value that a component passes down to the components it renders.
public protocol RenderEnvironmentKey {
    /// The value's type.
    associatedtype Value: Sendable
    /// The value when nothing set it.
    static var defaultValue: Value { get }
}

/// Values keyed by ``RenderEnvironmentKey`` types, overridable for a subtree.
public struct RenderEnvironment: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]

    /// An empty environment.
    public init() {}

    /// The value for a key, or its default.
    public subscript<K: RenderEnvironmentKey>(key: K.Type) -> K.Value {
        get { values[ObjectIdentifier(key)] as? K.Value ?? K.defaultValue }
        set { values[ObjectIdentifier(key)] = newValue }
    }
}
