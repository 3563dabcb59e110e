import Synchronization

/// An ``AssetStore`` in memory: reads take a snapshot of a dictionary and never wait for writes
/// longer than the swap.
public final class MemoryAssetStore: AssetStore {
    private let files = Mutex<[String: [String: SiteAsset]]>([:])

    /// An empty store.
    public init() {}

    public func asset(named name: String, site siteID: String) -> SiteAsset? {
        files.withLock { $0[siteID]?[name] }
    }

    public func put(_ asset: SiteAsset, site siteID: String) {
        files.withLock { $0[siteID, default: [:]][asset.name] = asset }
    }

    public func remove(named name: String, site siteID: String) {
        _ = files.withLock { $0[siteID]?.removeValue(forKey: name) }
    }

    public func names(site siteID: String) -> [String] {
        files.withLock { ($0[siteID] ?? [:]).keys.sorted() }
    }
}
