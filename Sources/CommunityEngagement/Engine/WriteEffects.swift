import CommunityModel

/// What one write collects besides its store changes: events to publish after the commit and,
/// for writes that commit a side effect but refuse the request (a freeze, a block with its
/// audit entry), the error to throw once committed.
final class WriteEffects {
    var events: [any DomainEvent] = []
    var refusal: EngagementError?

    func publish(_ event: any DomainEvent) { events.append(event) }
}
