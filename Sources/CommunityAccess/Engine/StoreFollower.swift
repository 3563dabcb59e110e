import CommunityModel
import Synchronization

/// Follows a store's feed for an engine that is still loading: changes committed while it
/// loads are buffered, and applied (those after what it loaded) when it goes live.
final class StoreFollower: Sendable {
    private struct State {
        var live = false
        var buffer: [Change] = []
    }

    private weak let engine: AccessEngine?
    private let state = Mutex(State())

    init(engine: AccessEngine) { self.engine = engine }

    /// Subscribes to the store's commits; call before reading what the engine loads.
    func subscribe(to store: any Store) -> StoreObservation {
        store.observe { [self] changes in
            let live = state.withLock { s -> Bool in
                if !s.live { s.buffer.append(contentsOf: changes) }
                return s.live
            }
            if live { engine?.apply(changes) }
        }
    }

    /// Applies the buffered changes the engine has not seen (it skips those at or before its
    /// sequence) and passes every later commit straight through.
    func goLive() {
        state.withLock { s in
            let pending = s.buffer
            s.buffer = []
            engine?.apply(pending)
            s.live = true
        }
    }
}
