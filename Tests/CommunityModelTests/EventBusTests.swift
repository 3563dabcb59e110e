import CommunityModel
import Foundation
import Synchronization
import Testing

private struct QuestionAnswered: DomainEvent {
    static let name = "question.answered"
    var occurredAt: Date
    var question: String
}

private struct CaseEscalated: DomainEvent {
    static let name = "case.escalated"
    var occurredAt: Date
}

/// What the handlers saw, in order.
private final class Log: Sendable {
    private let entries = Mutex<[String]>([])
    func add(_ entry: String) { entries.withLock { $0.append(entry) } }
    var value: [String] { entries.withLock { $0 } }
}

@Suite struct EventBusTests {
    let clock = ManualClock()

    @Test func deliversEventsToSubscribersOfTheirType() {
        let bus = EventBus()
        let log = Log()
        bus.subscribe(QuestionAnswered.self) { log.add("first \($0.question)") }
        bus.subscribe(QuestionAnswered.self) { log.add("second \($0.question)") }
        bus.subscribe(CaseEscalated.self) { _ in log.add("case") }
        bus.publish(QuestionAnswered(occurredAt: clock.now(), question: "q1"))
        #expect(log.value == ["first q1", "second q1"])
        bus.publish(CaseEscalated(occurredAt: clock.now()))
        #expect(log.value == ["first q1", "second q1", "case"])
    }

    @Test func subscribeAllSeesEveryEventAfterTypedSubscribers() {
        let bus = EventBus()
        let log = Log()
        bus.subscribeAll { log.add("all \(type(of: $0).name)") }
        bus.subscribe(CaseEscalated.self) { _ in log.add("typed") }
        bus.publish(CaseEscalated(occurredAt: clock.now()))
        bus.publish(QuestionAnswered(occurredAt: clock.now(), question: "q"))
        #expect(log.value == ["typed", "all case.escalated", "all question.answered"])
    }

    @Test func cancelledSubscriptionsStopDelivery() {
        let bus = EventBus()
        let log = Log()
        let typed = bus.subscribe(QuestionAnswered.self) { _ in log.add("typed") }
        let all = bus.subscribeAll { _ in log.add("all") }
        let kept = bus.subscribe(QuestionAnswered.self) { _ in log.add("kept") }
        typed.cancel()
        all.cancel()
        bus.publish(QuestionAnswered(occurredAt: clock.now(), question: "q"))
        #expect(log.value == ["kept"])
        _ = kept
    }

    @Test func droppingASubscriptionKeepsIt() {
        let bus = EventBus()
        let log = Log()
        _ = bus.subscribe(CaseEscalated.self) { _ in log.add("still here") }
        bus.publish(CaseEscalated(occurredAt: clock.now()))
        #expect(log.value == ["still here"])
    }
}

@Suite struct ManualClockTests {
    @Test func startsAtTheStartOf2026AndMovesOnlyWhenTold() {
        let clock = ManualClock()
        #expect(clock.now() == Date(timeIntervalSince1970: 1_767_225_600))
        #expect(clock.now() == clock.now())
        clock.advance(by: 90)
        #expect(clock.now() == Date(timeIntervalSince1970: 1_767_225_690))
        clock.advance(by: -30)
        #expect(clock.now() == Date(timeIntervalSince1970: 1_767_225_660))
        clock.set(Date(timeIntervalSince1970: 0))
        #expect(clock.now() == Date(timeIntervalSince1970: 0))
        #expect(ManualClock(Date(timeIntervalSince1970: 5)).now() == Date(timeIntervalSince1970: 5))
    }

    @Test func systemClockFollowsRealTime() {
        let before = Date()
        let now = SystemClock().now()
        #expect(now >= before)
    }
}
