import CommunityIdentity
import Foundation
import Testing

@Suite("Lockout backoff")
struct LockoutTests {
    let policy = LockoutPolicy.standard
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("No wait below the threshold; then 1 s doubling, capped at 15 minutes")
    func backoffGrows() {
        #expect(policy.delay(afterFailures: 4, threshold: 5) == 0)
        #expect(policy.delay(afterFailures: 5, threshold: 5) == 1)
        #expect(policy.delay(afterFailures: 6, threshold: 5) == 2)
        #expect(policy.delay(afterFailures: 9, threshold: 5) == 16)
        #expect(policy.delay(afterFailures: 20, threshold: 5) == 900)
        #expect(policy.delay(afterFailures: 1_000_000, threshold: 5) == 900)
    }

    @Test("A counter locks after the threshold until the delay passes")
    func counterLocks() {
        var counter = FailureCounter()
        for i in 0..<5 { counter = counter.recordingFailure(at: start.addingTimeInterval(Double(i)), policy: policy) }
        let last = start.addingTimeInterval(4)
        #expect(counter.count == 5)
        #expect(counter.lockedUntil(at: last, threshold: 5, policy: policy) == last.addingTimeInterval(1))
        #expect(counter.lockedUntil(at: last.addingTimeInterval(1), threshold: 5, policy: policy) == nil)
        counter = counter.recordingFailure(at: last.addingTimeInterval(1), policy: policy)
        #expect(counter.lockedUntil(at: last.addingTimeInterval(1), threshold: 5, policy: policy) == last.addingTimeInterval(3))
    }

    @Test("Counts decay by one per decay interval without a failure")
    func decay() {
        let counter = FailureCounter(count: 7, lastFailureAt: start)
        #expect(counter.count(at: start.addingTimeInterval(899), policy: policy) == 7)
        #expect(counter.count(at: start.addingTimeInterval(900), policy: policy) == 6)
        #expect(counter.count(at: start.addingTimeInterval(3 * 900), policy: policy) == 4)
        #expect(counter.count(at: start.addingTimeInterval(100 * 900), policy: policy) == 0)
        #expect(counter.lockedUntil(at: start.addingTimeInterval(3 * 900), threshold: 5, policy: policy) == nil)
        #expect(FailureCounter(count: 3, lastFailureAt: .distantFuture).count(at: start, policy: policy) == 3)
    }

    @Test("Client throttles count per address (normalised) and stay within capacity")
    func clientThrottle() {
        let throttle = ClientThrottle(policy: policy, capacity: 3)
        for _ in 0..<20 { throttle.recordFailure(" 198.51.100.7 ", at: start) }
        #expect(throttle.lockedUntil("198.51.100.7", at: start) != nil)
        #expect(throttle.lockedUntil("198.51.100.8", at: start) == nil)
        for n in 0..<10 { throttle.recordFailure("203.0.113.\(n)", at: start.addingTimeInterval(Double(n))) }
        #expect(throttle.trackedCount <= 3)
    }

    @Test("Unsafe lockout configurations are refused")
    func configuration() {
        #expect(throws: IdentityError.self) { try LockoutPolicy(accountThreshold: 0) }
        #expect(throws: IdentityError.self) { try LockoutPolicy(baseDelay: .nan) }
        #expect(throws: IdentityError.self) { try LockoutPolicy(baseDelay: 10, maximumDelay: 5) }
    }
}
