import CommunityModel
import CommunitySQLite
import CommunityTesting
import Foundation
import Testing

@Suite struct SQLiteStoreTests {
    @Test func conformsToTheStoreLaws() throws {
        let directory = try TemporaryDirectory()
        var opened = 0
        try StoreConformance.verify {
            opened += 1
            return try SQLiteStore(
                path: directory.file("conformance-\(opened).sqlite"), registry: EntityRegistry(StoreConformance.entityTypes))
        }
    }

    @Test func conformsWithoutARegistryToo() throws {
        let directory = try TemporaryDirectory()
        try StoreConformance.verify(.changeFeed) { try SQLiteStore(path: directory.file("plain.sqlite")) }
        try StoreConformance.verify(.observers) { try SQLiteStore(path: directory.file("observers.sqlite")) }
    }
}
