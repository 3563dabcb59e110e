public import CommunityModel
public import CommunityRendering
public import CommunityEngagement
public import CommunityContent
public import CommunityIdentity
public import Foundation

/// How to build a ``Community``: storage, clock, the CSRF secret, components and plugins,
/// the service rules (case defaults, lead approval), and where logs go.
public struct CommunityConfiguration: Sendable {
    /// Storage; in memory unless the host passes a SQLite store.
    public var store: any Store
    /// The event bus every service publishes to.
    public var bus: EventBus
    /// The clock.
    public var clock: any WallClock
    /// The host's secret for CSRF tokens (at least 16 bytes, kept stable across restarts).
    public var csrfSecret: [UInt8]
    /// How cookies are sent: ``CookiePolicy/secure`` unless the host serves plain HTTP on the local machine.
    public var cookies: CookiePolicy
    /// Component types; the community freezes its copy.
    public var registry: ComponentRegistry
    /// Plugins installed in order.
    public var plugins: [CommunityPlugin]
    /// Who owns a case no assignment rule routes.
    public var defaultCaseOwner: Owner?
    /// Approval steps for partner lead registration.
    public var leadApprovalSteps: [ApprovalStep]
    /// The search index; in memory by default.
    public var searchIndex: any SearchIndex
    /// A file for the access engine's checkpoint: when it exists, ``Community`` starts the engine
    /// from it and the store's feed after it instead of reading every record (a damaged or
    /// unusable one is logged and ignored); ``Community/writeAccessCheckpoint()`` writes it.
    /// `nil` (the default): no checkpoint.
    public var accessCheckpoint: URL?
    /// A file for the search index's snapshot: when it exists and ``searchIndex`` is a
    /// ``MemorySearchIndex``, ``Community`` loads it and follows the store's feed after it instead
    /// of reindexing everything (a damaged, outdated or unusable one is logged and the whole
    /// store indexed); ``Community/writeSearchIndexSnapshot()`` writes it crash-safely.
    /// `nil` (the default): no snapshot.
    public var searchIndexSnapshot: URL?
    /// Replaces the CommunityContent knowledge base behind the article, search and topic components.
    public var knowledge: (any KnowledgeProvider)?
    /// Where the engine's structured events go (CSRF rejections, invalid forms, store errors,
    /// slow requests, sign-in failures); nothing is written by default.
    public var logger: any CommunityLogger
    /// A request that takes at least this long is logged as `request.slow`; `nil` logs none.
    public var slowRequestThreshold: Duration?
    /// Object, field and picklist labels per locale, record page and compact layouts, and the
    /// org's default currency, which every component shows records with.
    public var recordPresentation: RecordPresentation = .standard
    /// Where file contents live (case attachments, profile photos, library files): in memory
    /// unless the host passes a ``DirectoryBlobStore`` or its own object storage.
    public var blobStore: any BlobStore = MemoryBlobStore()
    /// Size and title limits of ``Community/files``.
    public var fileLimits = FileLimits()

    /// The text of every built-in component, form and message, per locale: ``UIStrings/standard``
    /// (English, German, Korean) unless the host adds a locale or overrides strings.
    public var strings: UIStrings = .standard

    // MARK: Sign-in

    /// Delivers password reset and e-mail verification links (with paths already pointing at
    /// the site's own pages). The default, a ``RecordingIdentityNotifier``, only keeps the
    /// messages in memory, where the host reads them (`community.identityNotifier as?
    /// RecordingIdentityNotifier`); a production host passes one that sends e-mail.
    public var identityNotifier: any IdentityNotifier = RecordingIdentityNotifier()
    /// Hashes passwords: ``PasswordHasher/standard`` (600,000 PBKDF2 iterations). Tests may set
    /// ``PasswordHasher/insecureForTesting(iterations:observer:)``; never in production.
    public var passwordHasher: PasswordHasher = .standard
    /// Backoff after failed sign-ins, per account and per client address.
    public var lockout: LockoutPolicy = .standard
    /// Session lifetimes and the cookie's base name for every site; a site's
    /// ``SiteSignInSettings`` override the lifetimes, and each site's cookie adds `-<site id>`.
    public var sessionPolicy: SessionPolicy = .standard
    /// Which profiles must sign in with a second factor (users of other profiles may enroll).
    public var twoFactorPolicy: TwoFactorPolicy = .optional
    /// The name authenticator apps show for two-factor accounts.
    public var twoFactorIssuer = "CommunityKit"
    /// A 32-byte key that seals two-factor secrets in the store (AES-256-GCM), from the host's own
    /// secret store; `nil` keeps them plain, so a database dump alone could generate codes.
    public var secretSealingKey: [UInt8]?
    /// Where sites' logos and favicons live; served at `<urlPrefix>/_assets/<name>`.
    public var assets: any AssetStore = MemoryAssetStore()
    /// Called for failed sign-ins, lockouts and other ``SecurityEvent``s, in addition to ``logger``
    /// (which receives them as `auth.*` events).
    public var onSecurityEvent: (@Sendable (SecurityEvent) -> Void)?
    /// Single sign-on: where providers' keys are fetched again when a token names an unknown
    /// key, and how often at most (``SingleSignOnOptions``). No refetching by default.
    public var singleSignOn = SingleSignOnOptions()

    // MARK: Notifications, programs and scheduled work

    /// Sends notification e-mail (immediate notices and daily and weekly digests). The default, a
    /// ``MemoryNotifier``, keeps the e-mails in memory, where the host reads them
    /// (`community.notifier as? MemoryNotifier`); a production host passes one that sends e-mail.
    public var notifier: any Notifier = MemoryNotifier()
    /// Lead distribution, market development funds and employee requests.
    public var programs = ProgramConfiguration()
    /// The support configuration (lifecycle, assignment and escalation rules, support levels,
    /// business hours); `nil` uses the defaults with ``defaultCaseOwner``.
    public var support: CaseServiceConfiguration?
    /// How often each job of ``Community/runDueWork(now:)`` runs.
    public var dueWork: DueWorkSchedule = .standard
    /// How site search learns from the results members follow: half-life, distinct-member
    /// threshold and the largest boost (see ``Community/learnedSearchBoosts(limit:)``).
    public var clickLearning = ClickLearningOptions()
    /// The JSON API: body and page limits, token lifetimes, rate limits, CORS origins per site,
    /// the webhook transport and retry delays.
    public var api: APIConfiguration = .standard

    /// A configuration.
    public init(
        store: any Store = MemoryStore(), bus: EventBus = EventBus(), clock: any WallClock = SystemClock(),
        csrfSecret: [UInt8], registry: ComponentRegistry = .standard, plugins: [CommunityPlugin] = [],
        defaultCaseOwner: Owner? = nil,
        leadApprovalSteps: [ApprovalStep] = [ApprovalStep(name: "Manager review", approvers: [.submittersManager])],
        searchIndex: any SearchIndex = MemorySearchIndex(), knowledge: (any KnowledgeProvider)? = nil,
        cookies: CookiePolicy = .secure, logger: any CommunityLogger = SilentLogger(),
        slowRequestThreshold: Duration? = .seconds(1)
    ) {
        self.cookies = cookies
        self.searchIndex = searchIndex
        self.store = store
        self.bus = bus
        self.clock = clock
        self.csrfSecret = csrfSecret
        self.registry = registry
        self.plugins = plugins
        self.defaultCaseOwner = defaultCaseOwner
        self.leadApprovalSteps = leadApprovalSteps
        self.knowledge = knowledge
        self.logger = logger
        self.slowRequestThreshold = slowRequestThreshold
    }
}
