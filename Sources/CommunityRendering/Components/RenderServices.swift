/// The services components read data from, keyed by their type.
///
/// The facade registers each layer's adapter (`ArticleProvider`, `RecordProvider`, …);
/// tests register fakes. A component that finds no provider renders a notice instead.
public struct RenderServices: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]

    /// No services.
    public init() {}

    /// Registers a service under the type `T` (usually a protocol existential).
    public mutating func set<T: Sendable>(_ type: T.Type, _ value: T) {
        values[ObjectIdentifier(type)] = value
    }

    /// The service registered for `T`.
    public func get<T>(_ type: T.Type) -> T? { values[ObjectIdentifier(type)] as? T }
}
