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
        var deleted = 0
        for chunk in stride(from: 0, to: expired.count, by: 500) {
            let slice = expired[chunk..<min(chunk + 500, expired.count)]
            deleted += try store.write { tx -> Int in
                var count = 0
                // A record renewed meanwhile (the same key sent again after expiry) is kept.
                for row in slice {
                    guard let current = try tx.value(row.value.id), current.expiresAt <= moment else { continue }
                    try tx.delete(row.value.id)
                    count += 1
                }
                return count
            }
        }
        return deleted
    }
}
