import Synchronization

/// A weak reference to the engine for the adapters the engine registers as services before it
/// is fully built (the management console and the search query log), attached at the end of
/// `Community.init`. After the engine is gone the adapters answer as if nothing were there.
final class CommunityLink: Sendable {
    private struct Weak: Sendable { weak var community: Community? }
    private let reference = Mutex(Weak())

    /// An unattached link.
    init() {}

    /// Points the link at the engine.
    func attach(_ community: Community) { reference.withLock { $0.community = community } }

    /// The engine, while it lives.
    var community: Community? { reference.withLock { $0.community } }
}
