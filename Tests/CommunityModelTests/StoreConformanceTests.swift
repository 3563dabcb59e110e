import CommunityModel
import CommunityTesting
import Testing

/// The conformance suite is only worth running if it fails on broken stores.
@Suite struct StoreConformanceTests {
    @Test(arguments: [
        (FaultyStore.Fault.commitsFailedTransactions, StoreConformance.Law.failedTransaction),
        (.liveSnapshots, .snapshotIsolation),
        (.dropsFeedEntries, .changeFeed),
        (.reversesAll, .allAndCount),
        (.ignoresConflicts, .conflicts),
        (.forgetsObservers, .observers),
    ])
    func catchesABrokenLaw(fault: FaultyStore.Fault, law: StoreConformance.Law) throws {
        #expect(throws: Never.self) { try StoreConformance.verify(law) { MemoryStore() } }
        #expect {
            try StoreConformance.verify(law) { FaultyStore(fault) }
        } throws: { error in
            (error as? ConformanceFailure)?.law == law.rawValue
        }
        #expect {
            try StoreConformance.verify { FaultyStore(fault) }
        } throws: { error in
            error is ConformanceFailure
        }
    }

    @Test func aFailureSaysWhichLawAndWhat() {
        let failure = ConformanceFailure(law: "snapshot isolation", detail: "old snapshot count: expected 2, got 3")
        #expect(failure.description == "store conformance law \"snapshot isolation\" broken: old snapshot count: expected 2, got 3")
    }

    @Test func factoryErrorsPassThrough() {
        struct NoStore: Error, Equatable {}
        #expect(throws: NoStore()) { try StoreConformance.verify { () throws -> any Store in throw NoStore() } }
    }
}
