import CommunityModel
import Dispatch
import Foundation
import Synchronization
import Testing

@testable import CommunityEngagement

/// Digests count only e-mails a notifier accepted, and concurrent runs never send a notice twice.
@Suite struct DigestDeliveryTests {
    static func queueDaily(_ engine: Engagement) throws {
        var prefs = try engine.notifications.preferences(of: Fixture.bob)
        prefs.email = [.answer: .daily]
        try engine.notifications.setPreferences(prefs, by: Fixture.bob)
        let q = try engine.questions.ask(title: "Q", body: "b", by: Fixture.bob)
        _ = try engine.questions.answer(q.id, body: "a", by: Fixture.carol)
    }

    @Test func withoutANotifierNothingIsCountedAndTheNoticesStayQueued() throws {
        let f = try Fixture()
        let silent = try Engagement(store: f.store, bus: EventBus(), clock: f.clock, access: f.access, notifier: nil)
        try Self.queueDaily(silent)
        #expect(try silent.notifications.sendDigests(.daily) == 0)
        let queued = try silent.notifications.list(Fixture.bob).filter { $0.emailQueue == .daily }
        #expect(queued.count == 1 && queued[0].emailedAt == nil)
    }

    @Test func aFailedDeliveryIsRequeuedAndSentNextTime() throws {
        let f = try Fixture()
        try Self.queueDaily(f.engine)
        f.notifier.failing.withLock { $0 = [Fixture.bob] }
        #expect(try f.engine.notifications.sendDigests(.daily) == 0)
        #expect(try f.engine.notifications.list(Fixture.bob).filter { $0.emailQueue == .daily }.count == 1)
        f.notifier.failing.withLock { $0 = [] }
        #expect(try f.engine.notifications.sendDigests(.daily) == 1)
        #expect(try f.engine.notifications.list(Fixture.bob).allSatisfy { $0.emailQueue == nil })
    }

    @Test func concurrentRunsSendEachDigestOnce() throws {
        let f = try Fixture()
        try Self.queueDaily(f.engine)
        let counted = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let sent = (try? f.engine.notifications.sendDigests(.daily)) ?? 0
            counted.withLock { $0 += sent }
        }
        #expect(counted.withLock { $0 } == 1)
        #expect(f.notifier.sent.withLock { $0.count } == 1)
    }

    @Test func theMemoryNotifierKeepsWhatItAcceptsAndRefusesFailingRecipients() throws {
        let mailer = MemoryNotifier()
        let email = NotificationEmail(recipientID: "bob", address: "bob@example.com", frequency: .daily, notifications: [])
        try mailer.send(email)
        mailer.failingRecipients = ["bob"]
        #expect(throws: MemoryNotifier.DeliveryFailed(recipientID: "bob")) { try mailer.send(email) }
        #expect(mailer.sent == [email])
        #expect(mailer.sent(to: "alice").isEmpty)
    }
}
