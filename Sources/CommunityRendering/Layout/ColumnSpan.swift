/// The width of a column on the 12-column grid at each breakpoint.
public struct ColumnSpan: Sendable, Hashable, Codable {
    /// A screen-size breakpoint.
    public enum Breakpoint: String, Sendable, Hashable, Codable, CaseIterable {
        /// Narrow screens; columns stack.
        case phone
        /// Medium screens.
        case tablet
        /// Wide screens.
        case desktop
    }

    /// Columns on phones (1–12).
    public var phone: Int
    /// Columns on tablets (1–12).
    public var tablet: Int
    /// Columns on desktops (1–12).
    public var desktop: Int

    /// A span per breakpoint; phones default to the full width.
    public init(phone: Int = 12, tablet: Int? = nil, desktop: Int) {
        self.phone = phone
        self.tablet = tablet ?? desktop
        self.desktop = desktop
    }

    /// The full width everywhere.
    public static let full = ColumnSpan(desktop: 12)

    /// The span at a breakpoint.
    public subscript(breakpoint: Breakpoint) -> Int {
        switch breakpoint {
        case .phone: phone
        case .tablet: tablet
        case .desktop: desktop
        }
    }
}
