/// One identity provider a sign-in page offers: its display name and the local path that
/// starts signing in with it.
public struct SingleSignOnChoice: Sendable, Hashable {
    /// The name shown ("Northwind Identity").
    public var displayName: String
    /// The site path that starts the sign-in (the return path is added as `?return=`).
    public var start: SafeURL

    /// Creates a choice.
    public init(displayName: String, start: SafeURL) {
        self.displayName = displayName
        self.start = start
    }
}
