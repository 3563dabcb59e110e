public import CommunityModel
import Foundation
import Synchronization

/// The engagement engine: feeds and following, groups, questions and answers, ideas,
/// reputation, moderation and notifications over one ``Store``.
///
/// Reads go through the ``EngagementAccessPolicy`` (a post on a record is visible only to those
/// who can read the record; a private group's feed only to its members). Every write is one
/// store transaction and publishes domain events on ``bus`` after it commits. Time comes from
/// ``clock``. Feeds are served from an in-memory index the engine keeps in step with the store
/// through the store's change observer; create the engine before writes start.
public final class Engagement: Sendable {
    /// Where everything is stored.
    public let store: any Store
    /// Where domain events are published.
    public let bus: EventBus
    /// Where time comes from.
    public let clock: any WallClock
    let access: any EngagementAccessPolicy
    let content: (any EngagementContentServices)?
    let notifier: (any Notifier)?
    let index = EngagementIndex()
    private let settings: Mutex<EngagementConfiguration>
    private let screenCache = Mutex<(version: UInt64, screen: ContentScreen, rates: [RateLimitRule])?>(nil)
    private let observation: StoreObservation
    private let subscriptions = Mutex<[EventSubscription]>([])

    /// Creates the engine and loads its feed index from the store.
    ///
    /// - Parameters:
    ///   - content: search and articles from CommunityContent (question suggestions, drafting
    ///     articles from answers); `nil` turns those features off.
    ///   - notifier: where e-mail goes; `nil` keeps notices in the inbox only.
    public init(
        store: any Store, bus: EventBus = EventBus(), clock: any WallClock = SystemClock(),
        access: any EngagementAccessPolicy, content: (any EngagementContentServices)? = nil,
        notifier: (any Notifier)? = nil, configuration: EngagementConfiguration = EngagementConfiguration()
    ) throws {
        self.store = store
        self.bus = bus
        self.clock = clock
        self.access = access
        self.content = content
        self.notifier = notifier
        self.settings = Mutex(configuration)
        try index.load(from: store.snapshot())
        let index = self.index
        observation = store.observe { changes in index.apply(changes) }
        subscriptions.withLock { $0 = ReputationEngine.subscribe(self) + InboxRouter.subscribe(self) }
    }

    deinit {
        observation.cancel()
        for s in subscriptions.withLock({ $0 }) { s.cancel() }
    }

    /// The current configuration.
    public var configuration: EngagementConfiguration { settings.withLock { $0 } }

    /// Changes the configuration (points, levels, escalation rules, limits).
    public func configure(_ change: (inout EngagementConfiguration) -> Void) {
        settings.withLock { change(&$0) }
    }

    /// Posts, comments, likes, mentions, following and feeds.
    public var feeds: Feeds { Feeds(engine: self) }
    /// Groups: membership, roles, announcements, files.
    public var groups: Groups { Groups(engine: self) }
    /// Questions, answers, best answers, escalation.
    public var questions: Questions { Questions(engine: self) }
    /// Idea zones, ideas, votes, statuses, merging.
    public var ideas: Ideas { Ideas(engine: self) }
    /// Points, levels, badges, leaderboards, experts, recommendations.
    public var reputation: Reputation { Reputation(engine: self) }
    /// Rules, flags, the queue, freezing and the audit log.
    public var moderation: Moderation { Moderation(engine: self) }
    /// The in-app inbox, preferences and e-mail digests.
    public var notifications: Inbox { Inbox(engine: self) }

    // MARK: Shared write machinery

    /// Runs `body` in one transaction, then publishes its events; throws a refusal recorded by
    /// the body after committing what it wrote (an audit entry, a freeze).
    @discardableResult
    func perform<R>(_ body: (any StoreTransaction, WriteEffects) throws -> R?) throws -> R {
        let effects = WriteEffects()
        let result = try store.write { tx in try body(tx, effects) }
        for event in effects.events { bus.publish(event) }
        if let refusal = effects.refusal { throw refusal }
        guard let result else { throw EngagementError.conflict("write produced no result") }
        return result
    }

    /// The active member with this id.
    func member(_ id: ID<User>, in reader: any StoreReader) throws -> User {
        guard let user = try reader.value(id), user.isActive else { throw EngagementError.unknownMember(id) }
        return user
    }

    /// Whether the member is a moderator.
    func isModerator(_ id: ID<User>) -> Bool { access.canModerate(id) }

    /// Throws if the member is frozen or suspended.
    func checkStanding(_ id: ID<User>, in reader: any StoreReader) throws {
        guard let standing = try reader.value(id.retyped(as: MemberStanding.self)) else { return }
        if standing.isFrozen { throw EngagementError.memberFrozen(id) }
        if let until = standing.suspendedUntil, until > clock.now() { throw EngagementError.memberSuspended(id, until: until) }
    }

    /// The active member who may write now (exists, active, not frozen or suspended).
    func writer(_ id: ID<User>, in reader: any StoreReader) throws -> User {
        let user = try member(id, in: reader)
        try checkStanding(id, in: reader)
        return user
    }

    /// The compiled moderation rules and rate limits, rebuilt when rules change.
    func rules(in reader: any StoreReader) throws -> (screen: ContentScreen, rates: [RateLimitRule]) {
        let version = index.rulesVersion.load(ordering: .relaxed)
        if let cached = screenCache.withLock({ $0 }), cached.version == version { return (cached.screen, cached.rates) }
        let screen = ContentScreen(rules: try reader.all(ModerationRule.self).map(\.value))
        let rates = try reader.all(RateLimitRule.self).map(\.value)
        screenCache.withLock { $0 = (version, screen, rates) }
        return (screen, rates)
    }

    /// Sanitises rich text, mapping the error.
    func sanitize(_ html: String, field: String) throws -> SanitizedHTML {
        do { return try RichTextSanitizer(policy: configuration.richText).sanitize(html, field: field) } catch {
            throw EngagementError.richText(error)
        }
    }

    /// Sanitises rich text and returns its plain text too (one pass), mapping the error.
    func sanitizeWithPlainText(_ html: String, field: String) throws -> (html: SanitizedHTML, plainText: String) {
        do { return try RichTextSanitizer(policy: configuration.richText).sanitizeWithPlainText(html, field: field) } catch {
            throw EngagementError.richText(error)
        }
    }

    /// Checks plain text (a title, a name).
    func checkText(_ text: String, field: String, max: Int, required: Bool = true) throws {
        do { try Check.text(text, field: field, max: max, required: required) } catch { throw EngagementError.invalid(error) }
    }
}
