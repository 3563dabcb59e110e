import CommunityModel
import CommunityTesting
import Testing

@Suite struct MemoryStoreTests {
    @Test func conformsToTheStoreLaws() throws {
        try StoreConformance.verify { MemoryStore() }
    }
}
