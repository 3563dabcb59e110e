public import CommunityModel

/// The laws every ``Store`` must keep, as code that throws ``ConformanceFailure``.
///
/// Call it from a test of your own store (any test framework), giving a factory that
/// returns a fresh, empty store each time it is called:
///
/// ```swift
/// @Test func conformance() throws {
///     try StoreConformance.verify { try MyStore(directory: temporaryDirectory()) }
/// }
/// ```
///
/// Each ``Law`` runs against its own fresh store and writes only ``ConformanceItem`` and
/// ``ConformanceCounter`` entities (a store that decodes entities by registered type
/// should register ``entityTypes``), except ``Law/validation``, which also tries to store
/// invalid `Opportunity` and `Account` records and stores one valid `Opportunity`. Laws use real threads for the concurrency checks;
/// none asserts on timing.
public enum StoreConformance {
    /// One law of the ``Store`` contract.
    public enum Law: String, CaseIterable, Sendable {
        /// `get`/`put`/`delete` round trip; versions start at 1 and grow by one per write.
        case roundTrip = "round trip with versions"
        /// `.absent` and `.exactly` mismatches throw `StoreError.conflict` and write nothing.
        case conflicts = "optimistic conflicts"
        /// A transaction that throws leaves no rows, no feed entries and no sequence change.
        case failedTransaction = "a failed transaction leaves nothing"
        /// Reads inside a transaction see its own writes; others do not until commit.
        case readYourWrites = "transactions read their own writes"
        /// A snapshot taken before a commit never sees it.
        case snapshotIsolation = "snapshot isolation"
        /// A reader can read while a writer is inside a long write.
        case readersNeverWait = "readers never wait for writers"
        /// Many threads incrementing one counter with optimistic retries lose no update.
        case concurrentWriters = "concurrent writers lose no update"
        /// The change feed is gapless, in commit order, grouped by transaction id.
        case changeFeed = "change feed"
        /// Observers run after commit, in commit order; cancelled ones are not called.
        case observers = "observers"
        /// Queries on indexed fields agree with a plain reference evaluation.
        case query = "query by indexed field"
        /// Indexes follow updates and deletes (randomised, against a reference model).
        case indexMaintenance = "index maintenance"
        /// `all` orders by id; `count` counts one entity type.
        case allAndCount = "all and count"
        /// Invalid entities (``StoreConformance/invalidEntities()``) are refused with a
        /// `ValidationError` naming the field, and their transaction leaves nothing, even
        /// when the body catches the error.
        case validation = "invalid entities are refused"
    }

    /// The entity types the suite writes, for stores that decode by registered type.
    public static let entityTypes: [any Entity.Type] = [ConformanceItem.self, ConformanceCounter.self]

    /// Checks every law, each against a fresh store from `makeStore`.
    ///
    /// - Throws: the first ``ConformanceFailure`` found, or an error `makeStore` threw.
    public static func verify(makeStore: () throws -> any Store) throws {
        for law in Law.allCases { try verify(law, makeStore: makeStore) }
    }

    /// Checks one law against a fresh store from `makeStore`.
    ///
    /// - Throws: ``ConformanceFailure`` when the law does not hold (an unexpected error
    ///   from the store is reported as a failure of the law), or an error `makeStore` threw.
    public static func verify(_ law: Law, makeStore: () throws -> any Store) throws {
        let store = try makeStore()
        let check = LawCheck(law: law)
        do {
            switch law {
            case .roundTrip: try roundTrip(store, check)
            case .conflicts: try conflicts(store, check)
            case .failedTransaction: try failedTransaction(store, check)
            case .readYourWrites: try readYourWrites(store, check)
            case .snapshotIsolation: try snapshotIsolation(store, check)
            case .readersNeverWait: try readersNeverWait(store, check)
            case .concurrentWriters: try concurrentWriters(store, check)
            case .changeFeed: try changeFeed(store, check)
            case .observers: try observers(store, check)
            case .query: try query(store, check)
            case .indexMaintenance: try indexMaintenance(store, check)
            case .allAndCount: try allAndCount(store, check)
            case .validation: try validation(store, check)
            }
        } catch let failure as ConformanceFailure {
            throw failure
        } catch {
            throw ConformanceFailure(law: law.rawValue, detail: "unexpected error: \(error)")
        }
    }
}

/// Raises ``ConformanceFailure`` for one law.
struct LawCheck {
    let law: StoreConformance.Law

    func fail(_ detail: String) -> ConformanceFailure { ConformanceFailure(law: law.rawValue, detail: detail) }

    func that(_ condition: Bool, _ detail: @autoclosure () -> String) throws {
        if !condition { throw fail(detail()) }
    }

    func equal<T: Equatable>(_ actual: T, _ expected: T, _ what: @autoclosure () -> String) throws {
        if actual != expected { throw fail("\(what()): expected \(expected), got \(actual)") }
    }

    /// Runs `body`, requiring it to throw exactly `expected`.
    func throwsError<R>(_ expected: StoreError, _ what: String, _ body: () throws -> R) throws {
        do {
            _ = try body()
        } catch let error as StoreError {
            if error != expected { throw fail("\(what): expected \(expected), got \(error)") }
            return
        } catch {
            throw fail("\(what): expected \(expected), got \(error)")
        }
        throw fail("\(what): expected \(expected), nothing was thrown")
    }
}

/// The error the suite throws to abort a transaction.
struct AbortTransaction: Error, Equatable {}
