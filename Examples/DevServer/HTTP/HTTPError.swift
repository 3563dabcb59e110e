/// A request the server refuses: the status it answers with and why, in words.
public struct HTTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 4xx or 5xx status code.
    public var status: Int
    /// What was wrong, shown to the client as the plain-text body.
    public var reason: String

    /// A refusal with a status and a reason.
    public init(_ status: Int, _ reason: String) {
        self.status = status
        self.reason = reason
    }

    /// `status reason`.
    public var description: String { "\(status) \(reason)" }

    static func badRequest(_ reason: String) -> HTTPError { HTTPError(400, reason) }
}
