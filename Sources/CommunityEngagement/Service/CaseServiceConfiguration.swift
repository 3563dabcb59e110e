public import CommunityModel

/// How a site runs support: lifecycle, routing, escalation, entitlements and hours.
public struct CaseServiceConfiguration: Sendable {
    /// Statuses and allowed moves.
    public var lifecycle: CaseLifecycle
    /// Ordered assignment rules.
    public var assignmentRules: [CaseAssignmentRule]
    /// Who owns a case no assignment rule matches; `nil` leaves it with the member who raised it.
    public var defaultOwner: Owner?
    /// Escalation rules, run by ``CaseService/runEscalations()``.
    public var escalationRules: [CaseEscalationRule]
    /// Entitlement levels.
    public var supportLevels: [SupportLevel]
    /// The level for accounts without a `SupportLevel` field (must be among ``supportLevels``).
    public var defaultSupportLevel: String
    /// When support works.
    public var businessHours: BusinessHours
    /// Whether a case from a question closes when the question is solved by an answer.
    public var closeWhenQuestionSolved: Bool
    /// How many articles to suggest before a case is saved.
    public var suggestionLimit: Int

    /// Creates a configuration.
    public init(
        lifecycle: CaseLifecycle = .standard, assignmentRules: [CaseAssignmentRule] = [], defaultOwner: Owner?,
        escalationRules: [CaseEscalationRule] = [],
        supportLevels: [SupportLevel] = [SupportLevel(name: "Standard", firstResponse: 8 * 3600, resolution: 40 * 3600)],
        defaultSupportLevel: String = "Standard", businessHours: BusinessHours = .always,
        closeWhenQuestionSolved: Bool = true, suggestionLimit: Int = 5
    ) {
        self.lifecycle = lifecycle
        self.assignmentRules = assignmentRules
        self.defaultOwner = defaultOwner
        self.escalationRules = escalationRules
        self.supportLevels = supportLevels
        self.defaultSupportLevel = defaultSupportLevel
        self.businessHours = businessHours
        self.closeWhenQuestionSolved = closeWhenQuestionSolved
        self.suggestionLimit = suggestionLimit
    }

    /// Checks the lifecycle, hours, levels and rule names.
    public func validate() throws(CaseError) {
        try lifecycle.validate()
        do { try businessHours.validate() } catch { throw .invalid(error) }
        guard supportLevels.contains(where: { $0.name == defaultSupportLevel }) else {
            throw .invalidConfiguration("default support level \(defaultSupportLevel) is not defined")
        }
        for level in supportLevels where level.firstResponse <= 0 || level.resolution <= 0
            || !(0...1).contains(level.warningFraction)
        {
            throw .invalidConfiguration("support level \(level.name) needs positive targets and a warning share in 0...1")
        }
        let names = escalationRules.map(\.name)
        if Set(names).count != names.count { throw .invalidConfiguration("escalation rule names must be unique") }
        if suggestionLimit < 0 { throw .invalidConfiguration("suggestion limit must not be negative") }
    }
}
