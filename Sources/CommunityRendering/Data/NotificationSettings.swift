/// A member's notification settings, one row per kind of notice.
public struct NotificationSettings: Sendable, Hashable {
    /// One kind of notice.
    public struct Row: Sendable, Hashable {
        /// The kind's name (the form field suffix), such as `mention`.
        public var kind: String
        /// A label for people.
        public var label: String
        /// Whether it reaches the inbox.
        public var inApp: Bool
        /// E-mail frequency: one of ``NotificationSettings/frequencies``.
        public var email: String

        /// A row.
        public init(kind: String, label: String, inApp: Bool, email: String) {
            self.kind = kind
            self.label = label
            self.inApp = inApp
            self.email = email
        }
    }

    /// The e-mail choices: never, or at once, daily or weekly.
    public static let frequencies = ["never", "immediate", "daily", "weekly"]

    /// One row per kind.
    public var rows: [Row]

    /// Settings.
    public init(rows: [Row]) { self.rows = rows }
}
