public import CommunityRendering

/// The API's routing table, built once from ``APIEndpoint`` values: it matches a method and
/// path to an endpoint and its path parameters, and it is what ``OpenAPIDocument`` describes.
public struct APIRouter: Sendable {
    /// What a path and method resolve to.
    public enum Match: Sendable {
        /// An endpoint, with its path parameters.
        case endpoint(APIEndpoint, [String: String])
        /// The path exists but not with this method.
        case wrongMethod(allowed: [String])
        /// No such path.
        case none
    }

    /// Every endpoint, in declaration order.
    public let endpoints: [APIEndpoint]

    /// A router over endpoints.
    ///
    /// - Throws: ``APIRouterError`` for two endpoints with the same operation id or the same
    ///   method and path, or a malformed path template.
    public init(_ endpoints: [APIEndpoint]) throws(APIRouterError) {
        var operations = Set<String>()
        var routes = Set<String>()
        for endpoint in endpoints {
            guard operations.insert(endpoint.operationID).inserted else { throw .duplicateOperation(endpoint.operationID) }
            let shape = endpoint.segments.map { $0.hasPrefix("{") ? "{}" : String($0) }.joined(separator: "/")
            guard routes.insert(endpoint.method.rawValue + " " + shape).inserted else {
                throw .duplicateRoute(endpoint.method.rawValue + " " + endpoint.path)
            }
            guard endpoint.path.hasPrefix("/"), !endpoint.path.contains("//") else { throw .malformedPath(endpoint.path) }
            for segment in endpoint.segments where segment.hasPrefix("{") {
                let name = String(segment.dropFirst().dropLast())
                guard segment.hasSuffix("}"), endpoint.parameters.contains(where: { $0.location == .path && $0.name == name }) else {
                    throw .malformedPath(endpoint.path)
                }
            }
        }
        self.endpoints = endpoints
    }

    /// Resolves a method and a path relative to `<prefix>/api/v1` (`/records/Lead/lead-1`).
    /// Literal segments win over parameters.
    public func match(_ method: SiteRequest.Method, _ path: String) -> Match {
        let given = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard !given.contains(where: \.isEmpty) || path == "/" else { return .none }
        var allowed: [String] = []
        var best: (APIEndpoint, [String: String], Int)?
        for endpoint in endpoints {
            let template = endpoint.segments
            guard template.count == given.count else { continue }
            var parameters: [String: String] = [:]
            var literals = 0
            var matches = true
            for (t, g) in zip(template, given) {
                if t.hasPrefix("{") {
                    parameters[String(t.dropFirst().dropLast())] = String(g)
                } else if t == g {
                    literals += 1
                } else {
                    matches = false
                    break
                }
            }
            guard matches else { continue }
            if endpoint.method == method || (method == .head && endpoint.method == .get) {
                if best == nil || literals > best?.2 ?? 0 { best = (endpoint, parameters, literals) }
            } else {
                allowed.append(endpoint.method.rawValue)
            }
        }
        if let best { return .endpoint(best.0, best.1) }
        if !allowed.isEmpty { return .wrongMethod(allowed: Array(Set(allowed + ["OPTIONS"])).sorted()) }
        return .none
    }

    /// The methods a path accepts (for a CORS preflight); empty for an unknown path.
    public func methods(for path: String) -> [String] {
        var methods = Set<String>()
        for method in [SiteRequest.Method.get, .post, .put, .patch, .delete] {
            if case .endpoint = match(method, path) { methods.insert(method.rawValue) }
        }
        return methods.sorted()
    }
}

/// Why a router could not be built (a programming error in the endpoint table).
public enum APIRouterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Two endpoints share an operation id.
    case duplicateOperation(String)
    /// Two endpoints share a method and path.
    case duplicateRoute(String)
    /// A path does not start with `/`, has an empty segment, or names an undeclared parameter.
    case malformedPath(String)

    public var description: String {
        switch self {
        case .duplicateOperation(let id): "two API endpoints are named \(id)"
        case .duplicateRoute(let route): "two API endpoints answer \(route)"
        case .malformedPath(let path): "the API path \(path) is malformed or names an undeclared parameter"
        }
    }
}
