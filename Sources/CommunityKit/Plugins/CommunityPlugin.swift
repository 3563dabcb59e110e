public import CommunityRendering

/// An extension a host installs when it builds a ``Community``: components, form actions and
/// services. Publish plugins as static members:
///
/// ```swift
/// extension CommunityPlugin {
///     static let quotes = CommunityPlugin(name: "Quotes") { setup in
///         try setup.registry.register(QuoteComponent.self)
///     }
/// }
/// let community = try Community(.init(csrfSecret: secret, plugins: [.quotes]))
/// ```
public struct CommunityPlugin: Sendable {
    /// What a plugin may change while the community is being built.
    public struct Setup: Sendable {
        /// Component types; frozen after set-up.
        public var registry: ComponentRegistry
        /// Form actions by name.
        public var actions: FormActionRegistry
        /// Services components read.
        public var services: RenderServices
    }

    /// The plugin's name, for errors.
    public let name: String
    let install: @Sendable (inout Setup) throws -> Void

    /// A plugin.
    public init(name: String, install: @escaping @Sendable (inout Setup) throws -> Void) {
        self.name = name
        self.install = install
    }
}
