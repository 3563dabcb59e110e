public import CommunityModel
import Foundation

/// The in-app inbox: posting notices (public, so other modules such as Service can post
/// "case updated"), reading, read/unread, per-member preferences and e-mail via ``Notifier``
/// (immediately or in daily/weekly digests).
public struct Inbox: Sendable {
    let engine: Engagement

    /// Puts a notice in a member's inbox, honouring their preferences: a kind muted in the app
    /// and without e-mail is dropped (returns `nil`); an immediate e-mail goes out after the commit.
    @discardableResult
    public func post(
        to recipientID: ID<User>, kind: NotificationKind, title: String, body: String = "", link: String? = nil,
        actor: ID<User>? = nil
    ) throws -> Notification? {
        try engine.checkText(title, field: "Notification.Title", max: 300)
        try engine.checkText(body, field: "Notification.Body", max: 4_000, required: false)
        let posted: Notification? = try engine.perform { tx, effects -> Notification?? in
            guard try tx.value(recipientID)?.isActive == true else { throw EngagementError.unknownMember(recipientID) }
            let prefs = try tx.value(recipientID.retyped(as: NotificationPreferences.self)) ?? NotificationPreferences(memberID: recipientID)
            let email = prefs.email[kind]
            let muted = prefs.mutedInApp.contains(kind)
            if muted && email == nil { return .some(nil) }
            let now = engine.clock.now()
            let n = Notification(recipientID: recipientID, kind: kind, title: title, body: body, link: link, actorID: actor,
                createdAt: now, readAt: muted ? now : nil, emailQueue: email)
            try tx.put(n, expecting: .absent)
            effects.publish(NotificationPosted(notificationID: n.id, recipientID: recipientID, kind: kind, occurredAt: now))
            return .some(n)
        }
        if let n = posted, n.emailQueue == .immediate { _ = try? deliverQueued(to: recipientID, frequency: .immediate) }
        return posted
    }

    /// A member's notices, newest first.
    public func list(_ memberID: ID<User>, unreadOnly: Bool = false, limit: Int = 50) throws -> [Notification] {
        try all(memberID).filter { !unreadOnly || $0.isUnread }.prefix(max(0, limit)).map { $0 }
    }

    private func all(_ memberID: ID<User>) throws -> [Notification] {
        try engine.store.snapshot().query(Query<Notification>().where("recipientID", equals: .reference(memberID.rawValue)))
            .map(\.value).sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id > $1.id }
    }

    /// How many unread notices a member has.
    public func unreadCount(_ memberID: ID<User>) throws -> Int { try all(memberID).filter(\.isUnread).count }

    /// Marks one notice read (or unread). Only its recipient may.
    public func markRead(_ id: ID<Notification>, read: Bool = true, by memberID: ID<User>) throws {
        try engine.perform { tx, _ -> Bool? in
            guard var n = try tx.value(id), n.recipientID == memberID else { throw EngagementError.conflict("no notification \(id) for \(memberID)") }
            n.readAt = read ? engine.clock.now() : nil
            try tx.put(n)
            return true
        }
    }

    /// Marks every notice of a member read.
    public func markAllRead(_ memberID: ID<User>) throws {
        try engine.perform { tx, _ -> Bool? in
            let now = engine.clock.now()
            for var n in try tx.query(Query<Notification>().where("recipientID", equals: .reference(memberID.rawValue))).map(\.value)
            where n.readAt == nil {
                n.readAt = now
                try tx.put(n)
            }
            return true
        }
    }

    /// A member's preferences (the defaults when never set).
    public func preferences(of memberID: ID<User>) throws -> NotificationPreferences {
        try engine.store.snapshot().value(memberID.retyped(as: NotificationPreferences.self)) ?? NotificationPreferences(memberID: memberID)
    }

    /// Saves a member's preferences (the member themself).
    public func setPreferences(_ prefs: NotificationPreferences, by memberID: ID<User>) throws {
        guard prefs.memberID == memberID, prefs.id.rawValue == memberID.rawValue else {
            throw EngagementError.notAllowed(action: "change the preferences of", subject: "member \(prefs.memberID)")
        }
        try engine.perform { tx, _ -> Bool? in
            _ = try engine.member(memberID, in: tx)
            try tx.put(prefs)
            return true
        }
    }

    /// Sends every pending digest of this frequency: one e-mail per member with their queued
    /// notices, through the engine's ``Notifier``. Hosts call it from a scheduler (daily, weekly;
    /// `.immediate` retries immediate e-mails whose delivery failed). Returns how many e-mails the
    /// notifier accepted.
    ///
    /// Each member's notices are claimed in a transaction before they are handed to the notifier,
    /// so concurrent runs never send the same notice twice. A failed delivery puts that member's
    /// notices back in the queue for the next run. Without a notifier nothing is sent, nothing is
    /// counted and every notice stays queued.
    @discardableResult
    public func sendDigests(_ frequency: EmailFrequency) throws -> Int {
        guard engine.notifier != nil else { return 0 }
        let pending = try engine.store.snapshot().query(Query<Notification>().where("emailQueue", equals: .picklist(frequency.rawValue)))
            .map(\.value)
        var sent = 0
        for member in Set(pending.map(\.recipientID)).sorted() {
            if try deliverQueued(to: member, frequency: frequency) { sent += 1 }
        }
        return sent
    }

    /// Claims a member's queued notices of one frequency, hands them to the notifier as one
    /// e-mail and returns `true`; on a failed delivery, queues them again and returns `false`.
    private func deliverQueued(to member: ID<User>, frequency: EmailFrequency) throws -> Bool {
        guard let notifier = engine.notifier else { return false }
        let now = engine.clock.now()
        let claimed = try engine.store.write { tx -> (list: [Notification], address: String)? in
            guard let user = try tx.value(member), user.isActive, !user.email.isEmpty else { return nil }
            var list: [Notification] = []
            for var n in try tx.query(Query<Notification>().where("recipientID", equals: .reference(member.rawValue))).map(\.value)
            where n.emailQueue == frequency {
                n.emailQueue = nil
                n.emailedAt = now
                try tx.put(n)
                list.append(n)
            }
            guard !list.isEmpty else { return nil }
            list.sort { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.id < $1.id }
            return (list, user.email)
        }
        guard let claimed else { return false }
        let mailed = claimed.list.map { n -> Notification in
            var copy = n
            copy.emailQueue = frequency
            copy.emailedAt = nil
            return copy
        }
        do {
            try notifier.send(NotificationEmail(recipientID: member, address: claimed.address, frequency: frequency, notifications: mailed))
            return true
        } catch {
            try requeue(claimed.list.map(\.id), frequency: frequency)
            return false
        }
    }

    /// Puts notices back in the e-mail queue after a failed delivery.
    private func requeue(_ ids: [ID<Notification>], frequency: EmailFrequency) throws {
        try engine.store.write { tx in
            for id in ids {
                guard var n = try tx.value(id), n.emailQueue == nil else { continue }
                n.emailQueue = frequency
                n.emailedAt = nil
                try tx.put(n)
            }
        }
    }
}
