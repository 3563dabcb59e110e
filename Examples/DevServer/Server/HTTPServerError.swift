#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a ``HTTPServer`` could not start listening.
public enum HTTPServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The host is not a dotted IPv4 address.
    case invalidAddress(String)
    /// Another process listens on the port.
    case portInUse(UInt16)
    /// A system call failed with an `errno`.
    case system(String, Int32)

    /// The problem in words.
    public var description: String {
        switch self {
        case .invalidAddress(let host): "\(host) is not an IPv4 address such as 127.0.0.1"
        case .portInUse(let port): "port \(port) is already in use; choose another with --port"
        case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}
