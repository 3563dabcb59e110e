import CommunityEngagement
import CommunityModel
import Foundation

extension ServiceFixture {
    /// A case service with the given configuration (default: everything to the Tier 1 queue).
    func cases(
        _ configure: (inout CaseServiceConfiguration) -> Void = { _ in }, suggester: (any ArticleSuggesting)? = nil,
        files: (any CaseFileStore)? = nil
    ) throws -> CaseService {
        var configuration = CaseServiceConfiguration(
            defaultOwner: .queue("tier1"),
            supportLevels: [
                SupportLevel(name: "Standard", firstResponse: 8 * ServiceFixture.hour, resolution: 40 * ServiceFixture.hour),
                SupportLevel(name: "Premier", firstResponse: 2 * ServiceFixture.hour, resolution: 8 * ServiceFixture.hour),
            ])
        configure(&configuration)
        return try CaseService(environment: environment, configuration: configuration, suggester: suggester, files: files)
    }
}
