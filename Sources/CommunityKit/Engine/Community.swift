public import CommunityModel
public import CommunityAccess
public import CommunityContent
public import CommunityEngagement
public import CommunityRendering
public import CommunityIdentity
import CommunityAnalytics
public import Foundation
import Synchronization

/// The community engine a host embeds: storage, access, engagement and service, and any
/// number of sites served from one instance.
///
/// ```swift
/// let community = try Community(CommunityConfiguration(csrfSecret: secret))
/// try community.addSite(SiteTemplate.partnerCentral.makeSite(.init(id: "partners", name: "Partners", urlPrefix: "/partners")))
/// let response = community.site("partners")!.handle(SiteRequest(.get, "/partners/leads", viewer: viewer))
/// ```
public final class Community: Sendable {
    /// Storage.
    public let store: any Store
    /// Domain events.
    public let bus: EventBus
    /// The clock.
    public let clock: any WallClock
    /// Record access, listing and explanation.
    public let access: AccessEngine
    /// How ``access`` started: from the configured checkpoint, or by reading the whole store.
    public let accessStart: AccessEngineStart
    let checkpoints: AccessCheckpointKeeper
    /// The search index articles, questions and ideas are found in.
    public let searchIndex: any SearchIndex
    /// Promoted results and click learning applied to site search.
    let searchTuning: SearchTuning
    /// Knowledge articles: authoring, translation, publishing, reading, feedback.
    public let knowledge: KnowledgeService
    /// Topics.
    public let topics: TopicService
    /// Search synonym groups (kept in the store, applied to every site search at query time;
    /// administrators manage them through ``saveSynonymGroup(_:by:)`` and the management
    /// console's ``SynonymGroupsComponent``).
    public let synonyms: SynonymService
    /// Feeds, groups, questions, ideas, reputation, moderation.
    public let engagement: Engagement
    /// Files: uploads, versions, sharing, libraries and downloads (case attachments and profile
    /// photos are files too), stored in the configuration's ``CommunityConfiguration/blobStore``.
    public let files: FileService
    /// Support cases (attachments stored in ``files``).
    public let cases: CaseService
    /// Approvals (lead registration, discounts, funds).
    public let approvals: ApprovalEngine
    /// Partner lead registration.
    public let deals: DealRegistrationService
    /// Lead conversion into accounts, contacts and opportunities.
    public let conversions: LeadConversionService
    /// Partner pipeline.
    public let pipeline: PartnerPipelineService
    /// Offering pooled leads to partners, who accept or decline them.
    public let leadDistribution: LeadDistributionService
    /// Market development funds: budgets, requests and claims.
    public let funds: MarketDevelopmentFundService
    /// The employee portal: announcements and requests.
    public let employees: EmployeePortal
    /// Where notification e-mail goes (a ``MemoryNotifier`` unless the configuration passed another).
    public let notifier: any Notifier
    /// How often each job of ``runDueWork(now:)`` runs.
    public let dueWorkSchedule: DueWorkSchedule
    /// The frozen component registry.
    public let registry: ComponentRegistry
    /// Form actions, by name.
    public let actions: FormActionRegistry
    /// Services components read.
    public let services: RenderServices
    /// Request, store and change-feed counters, for the host's metrics system
    /// (``CommunityMetrics/prometheusText()`` serves them to Prometheus).
    public let metrics: CommunityMetrics
    /// Where the engine's structured events go.
    public let logger: any CommunityLogger
    let slowRequestThreshold: Duration?
    /// Sign-in, sessions, passwords, resets and e-mail verification for every site.
    public let identity: IdentityService
    /// Two-factor enrollment and codes (the identity's second-factor check).
    public let twoFactor: TwoFactorService
    /// Sites' logos and favicons (``CommunityConfiguration/assets``), served at `<urlPrefix>/_assets/<name>`.
    public let assets: any AssetStore
    /// The notifier the configuration passed (a ``RecordingIdentityNotifier`` by default), which
    /// receives reset and verification links pointing at the site's pages.
    public let identityNotifier: any IdentityNotifier
    /// The community KPIs' daily aggregates, kept from the change feed and sign-ins (see Community+Management.swift).
    public let kpiAggregator: KPIAggregator

    let csrf: CSRFProtection
    let cookies: CookiePolicy
    /// Single sign-on's key source and its rate limit (see SingleSignOn/Community+SingleSignOnKeys.swift).
    let keyRing: OpenIDKeyRing
    /// The JSON API: router, limits, idempotency keys, webhooks (see API/Core/Community+API.swift).
    let api: APIRuntime
    /// The published version each stored site serves (see Community+SiteStorage.swift).
    let publishedVersions = Mutex<[String: Int]>([:])
    private let sessionDefaults: SessionPolicy
    private let sites = Mutex<[String: SiteResponder]>([:])
    private let escalations: EventSubscription
    private let solutions: EventSubscription
    let indexer: KnowledgeSearchIndexer
    let engagementIndexer: EngagementSearchIndexer
    let fileIndexer: FileSearchIndexer
    /// How ``searchIndex`` started: from the configured snapshot, or by indexing the whole store.
    public let searchIndexStart: SearchIndexStart
    let searchSnapshots: SearchSnapshotKeeper
    private let signIns: SignInDirectory

    /// Builds the engine: loads access from the store, starts the services, installs plugins
    /// and freezes the registry.
    ///
    /// - Throws: ``CommunityError/plugin(name:reason:)`` or a service's configuration error.
    public init(_ configuration: CommunityConfiguration) throws {
        metrics = CommunityMetrics()
        logger = configuration.logger
        slowRequestThreshold = configuration.slowRequestThreshold
        let observed = ObservedStore(configuration.store, metrics: metrics, logger: logger)
        store = observed
        bus = configuration.bus
        clock = configuration.clock
        (access, accessStart) = try Self.startAccess(
            store, checkpoint: configuration.accessCheckpoint,
            recordTypes: AccessEngine.standardRecordTypes + AnalyticsEntities.recordTypes, logger: logger)
        checkpoints = AccessCheckpointKeeper(file: configuration.accessCheckpoint)
        searchIndex = configuration.searchIndex
        searchTuning = SearchTuning(store: store, clock: clock, options: configuration.clickLearning)
        knowledge = KnowledgeService(store: store, index: searchIndex, access: access, events: bus, clock: clock)
        topics = TopicService(store: store, index: searchIndex, access: access, experts: ReputationTopicExperts(store: store), clock: clock)
        let search = try Self.startSearch(store, index: searchIndex, snapshot: configuration.searchIndexSnapshot, logger: logger)
        indexer = search.knowledge
        synonyms = try SynonymService(store: store)
        engagementIndexer = search.engagement
        fileIndexer = search.files
        searchIndexStart = search.start
        searchSnapshots = SearchSnapshotKeeper(file: configuration.searchIndexSnapshot, loaded: search.loaded)
        let audience = ContentAudience(access: access)
        let store = self.store
        // Questions are indexed by `engagementIndexer`, which follows the store.
        let contentServices = SearchIndexContentServices(index: searchIndex, indexesQuestions: false) { user in
            (try? audience.viewer(for: user, in: store.snapshot())) ?? .anonymous
        }
        notifier = configuration.notifier
        dueWorkSchedule = configuration.dueWork
        engagement = try Engagement(
            store: store, bus: bus, clock: clock, access: CommunityAccessPolicy(engine: access), content: contentServices,
            notifier: configuration.notifier)
        let environment = ServiceEnvironment(
            store: store, bus: bus, clock: clock, access: ServiceAccessPolicy(engine: access),
            notifier: InboxServiceNotifier(engagement: engagement))
        files = FileService(store: store, blobs: configuration.blobStore, access: access, clock: clock, limits: configuration.fileLimits,
                             titleScreen: ModerationFileTitleScreen(engagement: engagement))
        cases = try CaseService(
            environment: environment,
            configuration: configuration.support ?? CaseServiceConfiguration(defaultOwner: configuration.defaultCaseOwner),
            suggester: ContentArticleSuggester(knowledge: knowledge, synonyms: synonyms), files: ContentCaseFileStore(files: files))
        approvals = ApprovalEngine(environment: environment)
        deals = try DealRegistrationService(environment: environment, approvals: approvals, steps: configuration.leadApprovalSteps)
        conversions = LeadConversionService(environment: environment, convertibleStatuses: configuration.programs.convertibleLeadStatuses)
        pipeline = PartnerPipelineService(environment: environment)
        escalations = cases.connectQuestionEscalations()
        solutions = cases.connectQuestionSolutions()
        let programs = configuration.programs
        leadDistribution = try LeadDistributionService(
            environment: environment, poolQueue: programs.leadPool, responseTime: programs.leadOfferResponseTime,
            rules: programs.leadDistributionRules, tiers: programs.tiers)
        funds = try MarketDevelopmentFundService(
            environment: environment, approvals: approvals, requestSteps: programs.fundRequestSteps,
            claimSteps: programs.fundClaimSteps, tiers: programs.tiers)
        employees = EmployeePortal(environment: environment, approvals: approvals, publisherRoles: programs.announcementPublisherRoles)
        for (kind, steps) in programs.employeeRequestKinds.sorted(by: { $0.key < $1.key }) {
            try employees.registerRequestKind(kind, steps: steps)
        }

        var services = RenderServices()
        services.set((any DiscoveryProvider).self, CommunityDiscovery(
            index: searchIndex, topicService: topics, engagement: engagement, access: access, store: store, synonymService: synonyms,
            tuning: searchTuning))
        services.set((any CommunityLogger).self, logger)
        services.set(UIStrings.self, configuration.strings)
        services.set(RecordReader.self, RecordReader(engine: access))
        services.set((any SingleSignOnChoices).self, SingleSignOnDirectory(store: store))
        services.set(RecordPresentation.self, configuration.recordPresentation)
        let reportLibrary = ReportLibrary(store: store, access: access, engine: ReportEngine(schemas: configuration.recordPresentation.schemas, clock: clock))
        services.set(ReportLibrary.self, reportLibrary)
        services.set((any EngagementProvider).self, EngagementDataProvider(
            engagement: engagement, access: access, store: store, site: nil,
            viewerFor: { [access, store] user in Community.viewer(user, access: access, store: store) },
            memberIndex: SiteMemberIndex(store: store)))
        let knowledgeProvider = configuration.knowledge ?? ContentKnowledgeProvider(knowledge: knowledge, topicService: topics, synonyms: synonyms)
        services.set((any KnowledgeProvider).self, knowledgeProvider)
        services.set((any PartnerProgramProvider).self, ProgramDataProvider(funds: funds, leads: leadDistribution))
        let employeeRequestKinds = programs.employeeRequestKinds.keys.sorted()
        services.set((any EmployeePortalProvider).self, EmployeeDataProvider(portal: employees, kinds: employeeRequestKinds))
        services.set((any ApprovalQueueProvider).self, ApprovalQueueDataProvider(approvals: approvals, store: store, access: access))
        var sealer = SecretSealer.plain
        if let key = configuration.secretSealingKey {
            do { sealer = try SecretSealer(key: key) } catch { throw CommunityError.configuration("secret sealing key: \(error)") }
        }
        let kpis = try KPIAggregator.following(store, clock: clock)
        kpiAggregator = kpis
        let managementLink = Self.installManagement(into: &services)
        let directory = SignInDirectory()
        signIns = directory
        twoFactor = TwoFactorService(
            store: store, clock: clock, issuer: configuration.twoFactorIssuer, sealer: sealer, policy: configuration.twoFactorPolicy)
        identityNotifier = configuration.identityNotifier
        identity = IdentityService(
            store: store, clock: clock, notifier: SiteLinkNotifier(directory: directory, host: configuration.identityNotifier),
            hasher: configuration.passwordHasher, lockout: configuration.lockout, secondFactor: twoFactor,
            configuration: IdentityConfiguration(passwordResetPath: "/reset-password", emailVerificationPath: "/verify-email"),
            onSecurityEvent: { [logger, hostHook = configuration.onSecurityEvent] event in
                logger.log(event.logEvent)
                if event.kind == .signedIn, let user = event.userID {
                    // Kept in the store (a SignInDay), so a restart counts it; a failed write only loses the count.
                    do { try kpis.recordSignIn(user, site: event.siteID, at: event.date) } catch {
                        logger.log(LogEvent(.error, "kpi.signInNotCounted", "a sign-in was not counted: \(error)", metadata: ["user": .text(user.rawValue)]))
                    }
                }
                hostHook?(event)
            })
        services.set(TwoFactorService.self, twoFactor)
        assets = configuration.assets
        services.set((any AssetStore).self, configuration.assets)
        let storeStatus = CommunityStoreStatus()
        services.set((any StoreStatusProvider).self, storeStatus)
        let sitePages = SitePagesWiring.Services(
            cases: cases, access: access, store: store, funds: funds, leads: leadDistribution, conversions: conversions,
            engagement: engagement, knowledge: knowledge)
        SitePagesWiring.register(in: &services, sitePages)
        var setup = CommunityPlugin.Setup(registry: configuration.registry, actions: FormActionRegistry(), services: services)
        StandardActions.install(into: &setup.actions, engagement: engagement, cases: cases, deals: deals, knowledge: knowledgeProvider, store: store)
        SiteFormsDataProvider(engagement: engagement, cases: cases, files: files, access: access, store: store).register(in: &setup.services)
        SiteFormActions.install(into: &setup.actions, community: SiteFormActions.Services(
            engagement: engagement, cases: cases, files: files, access: access))
        ProgramActions.install(into: &setup.actions, funds: funds, leads: leadDistribution)
        EmployeeActions.install(into: &setup.actions, portal: employees, kinds: employeeRequestKinds)
        ApprovalActions.install(into: &setup.actions, approvals: approvals)
        SitePagesWiring.install(into: &setup.actions, sitePages)
        ReportActions.install(into: &setup.actions, library: reportLibrary)
        ManagementActions.install(into: &setup.actions, link: managementLink)
        SearchPromotionActions.install(into: &setup.actions, link: managementLink)
        IdentityActions.install(into: &setup.actions, identity: identity, twoFactor: twoFactor, directory: directory, cookies: configuration.cookies)
        storeStatus.install(into: &setup.actions)
        for plugin in configuration.plugins {
            do { try plugin.install(&setup) } catch { throw CommunityError.plugin(name: plugin.name, reason: "\(error)") }
        }
        registry = setup.registry.frozen()
        actions = setup.actions
        self.services = setup.services
        do {
            csrf = try CSRFProtection(secret: configuration.csrfSecret)
        } catch {
            throw CommunityError.configuration(error.description)
        }
        cookies = configuration.cookies
        keyRing = OpenIDKeyRing(options: configuration.singleSignOn)
        metrics.trackFeedLag(of: "access", head: { [weak observed] in observed?.base.snapshot().sequence ?? 0 }) {
            [weak access] in access?.snapshot.sequence ?? 0
        }
        metrics.trackFeedLag(of: "storeObservers") { [weak observed] in observed?.observerLag() ?? 0 }
        sessionDefaults = configuration.sessionPolicy
        let webhooks = WebhookDispatcher(
            store: store, clock: clock, transport: configuration.api.webhookTransport, delays: configuration.api.webhookRetryDelays)
        api = try APIRuntime(configuration.api, endpoints: APIResources.endpoints, webhooks: webhooks, store: store, clock: clock)
        webhooks.connect(to: bus)
        storeStatus.attach(self)
        managementLink.attach(self)
        restoreStoredSites()
    }

    deinit {
        api.webhooks.stop()
        engagementIndexer.stop()
        fileIndexer.stop()
        escalations.cancel()
        solutions.cancel()
        indexer.stop()
        synonyms.stop()
        kpiAggregator.stop()
    }

    // MARK: Sites

    /// Adds (or replaces) a site after validating it against the registry.
    ///
    /// - Throws: ``CommunityError/invalidSite(id:_:)`` with every problem, or ``CommunityError/duplicateSite(_:)``
    ///   when another site uses the same URL prefix.
    @discardableResult
    public func addSite(_ site: Site) throws(CommunityError) -> SiteResponder {
        let errors = site.validate(registry: registry)
        guard errors.isEmpty else { throw .invalidSite(id: site.id, errors) }
        let signIn: SiteSignIn
        do {
            signIn = try SiteSignIn(site: site, sessionDefaults: sessionDefaults, cookies: cookies)
        } catch {
            throw .invalidSite(id: site.id, [error])
        }
        try ensureGuestUser(of: site)
        let responder: SiteResponder
        do {
            responder = try SiteResponder(
                site: site, registry: registry, services: services(for: site), actions: actions, csrf: csrf, clock: clock, cookies: cookies)
        } catch {
            throw .invalidSite(id: site.id, [error])
        }
        try sites.withLock { (sites: inout [String: SiteResponder]) throws(CommunityError) in
            if sites.values.contains(where: { $0.site.id != site.id && $0.site.urlPrefix == site.urlPrefix }) {
                throw .duplicateSite(site.id)
            }
            sites[site.id] = responder
        }
        signIns.install(signIn)
        prepareMembers(of: site)
        return responder
    }

    /// The site with an id, ready to handle requests.
    public func site(_ id: String) -> SiteResponder? { sites.withLock { $0[id] } }

    /// The site whose URL prefix starts a request path (longest prefix wins).
    public func site(forPath path: String) -> SiteResponder? {
        sites.withLock { sites in
            sites.values.filter { r in
                let prefix = r.site.urlPrefix
                return prefix.isEmpty || path == prefix || path.hasPrefix(prefix + "/")
            }.max { $0.site.urlPrefix.count < $1.site.urlPrefix.count }
        }
    }

    /// Every site id, sorted.
    public var siteIDs: [String] { sites.withLock { $0.keys.sorted() } }

    /// Answers a request for whichever site its path belongs to, counting it in ``metrics``
    /// (by site and status, with its latency) and logging it as `request.slow` when it took
    /// at least the configured threshold.
    ///
    /// When the host passes the guest (no user, no session id), the viewer comes from the
    /// site's session cookie: a live session of that site signs the request in as its user;
    /// an unknown, expired or signed-out one is answered as the guest and the cookie cleared
    /// (`Max-Age=0`). A viewer the host resolved itself is used as it is.
    public func handle(_ request: SiteRequest) -> SiteResponse {
        let start = ContinuousClock.now
        guard let responder = site(forPath: request.path) else {
            let response = SiteResponse(status: 404, headers: ["Content-Type": "text/plain; charset=utf-8"], body: notFoundText(for: request))
            recordRequest(request, site: "", status: response.status, duration: ContinuousClock.now - start)
            return response
        }
        var request = request
        var clearSession: String?
        var rotatedSession: String?
        if request.viewer.user == nil, request.viewer.sessionID.isEmpty, let entry = signIns.entry(responder.site.id),
           let token = request.cookies[entry.cookie.name] {
            do {
                let session = try identity.validateSession(token, site: entry.signInSite)
                request.viewer = viewer(session.userID, sessionID: session.sessionID.rawValue)
                // A privilege change (profile, role, permission sets, account, activity) since the
                // token was issued rotates it: the old token stops working, the browser gets a new one.
                let privileges = Self.privilegeFingerprint(request.viewer)
                if session.privileges == nil {
                    try identity.recordPrivileges(token, site: entry.signInSite, privileges: privileges)
                } else if session.privileges != privileges {
                    let issued = try identity.rotate(token, site: entry.signInSite, privileges: privileges)
                    rotatedSession = entry.cookie.setCookie(for: issued)
                }
            } catch IdentityError.invalidSession {
                clearSession = entry.cookie.expiredCookie()
            } catch {
                // The store failed: answer as the guest, but keep a cookie that may still be good.
            }
        }
        if request.viewer.user == nil, let guest = responder.site.guestUserID {
            // A guest request is evaluated as the site's guest user (its guest profile, guest sharing rules).
            request.viewer = guestViewer(guest, sessionID: request.viewer.sessionID)
        }
        var response = apiResponse(request, responder: responder) ?? singleSignOnResponse(request, responder: responder)
            ?? builderResponse(request, site: responder.site)
            ?? reportExportResponse(request, site: responder.site) ?? apiTokenPage(request, site: responder.site)
            ?? responder.handle(request)
        if let clearSession { response.setCookies.append(clearSession) }
        if let rotatedSession { response.setCookies.append(rotatedSession) }
        recordRequest(request, site: responder.site.id, status: response.status, duration: ContinuousClock.now - start)
        return response
    }

    /// What a session's token is bound to: the viewer's profile, role, account, kind, activity,
    /// permission sets and system permissions. A different value means the privileges changed.
    static func privilegeFingerprint(_ viewer: Viewer) -> String {
        guard let user = viewer.user else { return "guest" }
        let parts = [
            user.profileID.rawValue, user.roleID?.rawValue ?? "-", user.accountID?.rawValue ?? "-", user.kind.rawValue,
            user.isActive ? "active" : "inactive", viewer.permissionSetIDs.map(\.rawValue).sorted().joined(separator: ","),
            viewer.permissions.sorted().joined(separator: ","),
        ]
        return ByteEncoding.hex(Digest.sha256(Array(parts.joined(separator: "|").utf8)))
    }

    /// The sign-in view of a site (membership, policies, session cookie), for a host that signs
    /// people in itself (single sign-on): `identity.signInAuthenticated(user, site: entry.signInSite, …)`
    /// then `entry.cookie.setCookie(for: issued)`.
    public func signIn(forSite id: String) -> SiteSignIn? { signIns.entry(id) }

    /// The whole site as a JSON bundle.
    public func exportSite(_ id: String) throws -> Data {
        guard let responder = site(id) else { throw CommunityError.unknownSite(id) }
        return try SiteBundle(site: responder.site).encoded()
    }

    /// Checks a bundle and lists what it would change; unless `dryRun`, installs it (for a site
    /// kept in the store, as its draft and the next published version).
    public func importSite(_ data: Data, dryRun: Bool) throws -> ImportPlan {
        let bundle = try SiteBundle.decode(data)
        let plan = try bundle.plan(over: site(bundle.site.id)?.site, registry: registry)
        if !dryRun { try installImported(plan.site) }
        return plan
    }

    // MARK: Viewers and access

    /// The viewer for a signed-in user: the user, their account, permission sets (direct and
    /// through groups) and system permissions; the guest for an unknown or inactive user.
    public func viewer(_ userID: ID<User>, sessionID: String = "") -> Viewer {
        Self.viewer(userID, access: access, store: store, sessionID: sessionID)
    }

    static func viewer(_ userID: ID<User>, access: AccessEngine, store: any Store, sessionID: String = "") -> Viewer {
        let snapshot = access.snapshot
        guard let user = snapshot.user(userID), user.isActive else { return Viewer(user: nil, sessionID: sessionID) }
        let account = user.accountID.flatMap { snapshot.record("Account", id: $0.rawValue) as? Account }
        var sets = Set(user.permissionSetIDs)
        let reader = store.snapshot()
        for groupID in user.permissionSetGroupIDs {
            if let group = try? reader.value(groupID) { sets.formUnion(group.permissionSetIDs) }
        }
        let permissions = Set(snapshot.systemPermissions(userID).map(\.name))
        return Viewer(user: user, account: account, permissionSetIDs: sets, permissions: permissions, sessionID: sessionID)
    }

    /// Self-registration requests waiting for review.
    public func pendingRegistrations() throws -> [SiteRegistration] {
        try store.snapshot().query(Query<SiteRegistration>().where("status", equals: .picklist("pending"))).map(\.value)
    }

    /// Approves a pending self-registration: creates the member's user with the site's profile
    /// in the site's default account, in one transaction.
    ///
    /// - Throws: ``CommunityError/unknownSite(_:)``, or a validation or store error (nothing is written).
    @discardableResult
    public func approveRegistration(_ id: ID<SiteRegistration>) throws -> ID<User> {
        guard let registration = try store.snapshot().value(id), registration.status == .pending else { throw CommunityError.unknownRegistration(id.rawValue) }
        guard let site = site(registration.siteID)?.site else { throw CommunityError.unknownSite(registration.siteID) }
        return try Community.approveRegistration(id, on: site, in: store, now: clock.now())
    }

    /// Why a user can or cannot see a record: every grant that applies.
    public func explain(user: ID<User>, object: EntityType, id: String) -> AccessExplanation {
        access.snapshot.explain(user, object, id: id)
    }
}
