import CommunityKit
import Foundation

/// The portal's storage page for site administrators (Dana): the store's and the access
/// engine's change sequences, how the engine started, and "Write checkpoint now"; and the
/// checkpoint schedule `serve --store FILE` runs (`FILE.access-checkpoint`, written every few
/// minutes and on shutdown, loaded on the next start).
enum PortalStorage {
    /// The checkpoint file kept next to a SQLite store.
    static func checkpointFile(forStore path: String) -> URL { URL(fileURLWithPath: path + ".access-checkpoint") }

    /// The search index snapshot kept next to a SQLite store.
    static func searchSnapshotFile(forStore path: String) -> URL { URL(fileURLWithPath: path + ".search-snapshot") }

    /// Adds the "Storage" page and its menu item (audience `site-admins`, which
    /// ``Portal/withBuilderLink(_:)`` defines).
    static func install(into site: inout Site) throws {
        try site.addPage(Page(id: "storage", title: "Storage", slug: "storage", visibility: .audience("site-admins"), layout: PageLayout(regions: [
            Region(name: "header", rows: [Row(columns: [Column(components: [ComponentInstance(id: "header", type: "community.header", properties: ["menu": "main"])])])]),
            Region(name: "main", rows: [Row(columns: [Column(components: [ComponentInstance(id: "status", type: StoreStatusComponent.type)])])]),
            Region(name: "footer", rows: [Row(columns: [Column(components: [ComponentInstance(id: "footer", type: "community.footer", properties: ["text": "© Community"])])])]),
        ])))
        guard let main = site.menus.firstIndex(where: { $0.id == "main" }) else { return }
        site.menus[main].items.append(NavigationMenu.Item("Storage", .page("storage"), audienceID: "site-admins"))
    }

    /// Writes the access checkpoint every `interval` seconds when the store moved on since the last one.
    static func scheduleCheckpoints(_ community: Community, every interval: TimeInterval, print: @escaping @Sendable (String) -> Void) -> any DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "partner-portal.access-checkpoint"))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler {
            writeSearchSnapshotIfMoved(community, print: print)
            guard community.lastAccessCheckpoint?.sequence != community.access.snapshot.sequence else { return }
            do {
                if let record = try community.writeAccessCheckpoint() {
                    print("access checkpoint: change \(record.sequence), \(record.entityCount) entities")
                }
            } catch {
                print("access checkpoint failed: \(error)")
            }
        }
        timer.resume()
        return timer
    }

    /// Writes the search index snapshot when one is configured and the index moved on since the last one.
    static func writeSearchSnapshotIfMoved(_ community: Community, print: @Sendable (String) -> Void) {
        guard community.searchIndexSnapshotFile != nil,
            community.lastSearchIndexSnapshot?.sequence != community.searchIndexSequence
        else { return }
        do {
            if let record = try community.writeSearchIndexSnapshot() {
                print("search snapshot: change \(record.sequence), \(record.documents) documents, \(record.bytes) bytes")
            }
        } catch {
            print("search snapshot failed: \(error)")
        }
    }
}
