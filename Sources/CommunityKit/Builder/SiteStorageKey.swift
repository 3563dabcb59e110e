import CommunityIdentity
import CommunityModel

/// Store identifiers for a site's records: readable (`partners`, `partners:home`) when the
/// site and page ids are identifiers themselves, else a digest of them, so any id maps to a
/// valid, collision-free key.
enum SiteStorageKey {
    static func key<E>(_ parts: String...) -> ID<E> {
        let readable = parts.joined(separator: ":")
        if parts.allSatisfy({ ID<E>.isValid($0) && !$0.contains(":") }), ID<E>.isValid(readable) {
            return ID(sanitizing: readable)
        }
        let digest = ByteEncoding.hex(Digest.sha256(Array(parts.joined(separator: "\u{1F}").utf8)))
        return ID(sanitizing: "h:" + digest.prefix(48))
    }
}
