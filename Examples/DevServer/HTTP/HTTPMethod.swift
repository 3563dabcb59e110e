/// The request methods the server accepts; any other gets 501.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    /// Reads a resource.
    case get = "GET"
    /// Reads a resource's headers only.
    case head = "HEAD"
    /// Submits a form.
    case post = "POST"
    /// Replaces a resource (the JSON API).
    case put = "PUT"
    /// Changes part of a resource (the JSON API).
    case patch = "PATCH"
    /// Deletes a resource (the JSON API).
    case delete = "DELETE"
    /// A CORS preflight (the JSON API).
    case options = "OPTIONS"
}
