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

    /// One path segment of an endpoint's template, parsed once when the router is built.
    enum Segment: Sendable {
        case literal(String)
        case parameter(String)
    }

    /// An endpoint with its template split into segments.
    struct Route: Sendable {
        let endpoint: APIEndpoint
        let segments: [Segment]
        /// How many segments are literals (more literals win over parameters).
        let literals: Int
    }

    /// Every endpoint, in declaration order.
    public let endpoints: [APIEndpoint]
    /// The routes by their number of segments, each list in declaration order: a request
    /// is compared only with templates as long as its path, segment by segment, without
    /// splitting any template again.
    let routesByLength: [Int: [Route]]

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
        var byLength: [Int: [Route]] = [:]
        for endpoint in endpoints {
            let segments: [Segment] = endpoint.segments.map {
                $0.hasPrefix("{") ? .parameter(String($0.dropFirst().dropLast())) : .literal(String($0))
            }
            let literals = segments.reduce(0) { if case .literal = $1 { $0 + 1 } else { $0 } }
            byLength[segments.count, default: []].append(Route(endpoint: endpoint, segments: segments, literals: literals))
        }
        self.routesByLength = byLength
    }

    /// Resolves a method and a path relative to `<prefix>/api/v1` (`/records/Lead/lead-1`).
    /// Literal segments win over parameters.
    public func match(_ method: SiteRequest.Method, _ path: String) -> Match {
        let given = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard !given.contains(where: \.isEmpty) || path == "/" else { return .none }
        var allowed: [String] = []
        var best: Route?
        for route in routesByLength[given.count] ?? [] {
            var matches = true
            for (t, g) in zip(route.segments, given) {
                if case .literal(let literal) = t, literal != g {
                    matches = false
                    break
                }
            }
            guard matches else { continue }
            if route.endpoint.method == method || (method == .head && route.endpoint.method == .get) {
                if best == nil || route.literals > best?.literals ?? 0 { best = route }
            } else {
                allowed.append(route.endpoint.method.rawValue)
            }
        }
        if let best {
            var parameters: [String: String] = [:]
            for (t, g) in zip(best.segments, given) {
                if case .parameter(let name) = t { parameters[name] = String(g) }
            }
            return .endpoint(best.endpoint, parameters)
        }
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
