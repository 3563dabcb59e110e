import CommunityModel
public import Foundation

/// Housekeeping of the API's stored idempotency keys.
extension Community {
    /// Deletes the idempotency records that expired by `now` (job `idempotencyExpiry`); how many.
    @discardableResult
    public func purgeIdempotencyRecords(now: Date? = nil) throws -> Int {
        let moment = now ?? clock.now()
        let expired = try store.snapshot().query(
            Query<APIIdempotencyRecord>().filter("expiresAt", .range(lower: nil, upper: .dateTime(moment))))
        guard !expired.isEmpty else { return 0 }
        for chunk in stride(from: 0, to: expired.count, by: 500) {
            let slice = expired[chunk..<min(chunk + 500, expired.count)]
            try store.write { tx in
                // A record renewed meanwhile (the same key sent again after expiry) is kept.
                for row in slice where (try tx.value(row.value.id))?.expiresAt ?? .distantFuture <= moment { try tx.delete(row.value.id) }
            }
        }
        return expired.count
    }
}
