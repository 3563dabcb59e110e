import CommunityModel

/// Delivers service notices to the Engagement notifications inbox: case notices as
/// ``NotificationKind/caseUpdated``, approval and lead notices as ``NotificationKind/other``,
/// so members' inbox and e-mail preferences apply.
public struct InboxServiceNotifier: ServiceNotifier {
    /// The engagement engine whose inbox receives the notices.
    public let engagement: Engagement

    /// Wraps an engagement engine.
    public init(engagement: Engagement) { self.engagement = engagement }

    public func notify(_ notice: ServiceNotice) {
        let kind: NotificationKind = notice.recordType == Case.entityType ? .caseUpdated : .other
        // A notice for an inactive or unknown user is dropped, like a muted one.
        _ = try? engagement.notifications.post(
            to: notice.recipient, kind: kind, title: String(notice.title.prefix(300)),
            link: "\(notice.recordType.name.lowercased())/\(notice.recordID)")
    }
}
