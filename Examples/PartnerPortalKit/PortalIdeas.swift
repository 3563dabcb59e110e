import CommunityKit
import Foundation

/// The ideas page on Partner Central shows the trending ideas (the ranking the scheduled
/// refresh stores, see ``PortalPrograms/scheduleDueWork(_:every:print:)``) beside the top ones.
enum PortalIdeas {
    /// Puts a trending idea list above the template's top list on the ideas page.
    static func extend(_ site: inout Site) throws {
        guard var page = site.page("ideas"), let main = page.layout.regions.firstIndex(where: { $0.name == "main" }) else { return }
        page.layout.regions[main].rows.insert(Row(columns: [Column(components: [
            ComponentInstance(id: "trending", type: IdeaListComponent.type, properties: ["title": "Trending ideas", "order": "trending", "limit": 5]),
        ])]), at: 0)
        try site.updatePage(page)
    }
}
