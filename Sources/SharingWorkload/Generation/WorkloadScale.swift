/// The sizes of a generated workload. The entity counts of `small`, `medium` and `large`
/// follow the workload contract's table.
public struct WorkloadScale: Sendable, Hashable {
    /// The scale's name.
    public var name: String
    /// Internal (employee) users.
    public var internalUsers: Int
    /// Partner accounts.
    public var partnerAccounts: Int
    /// Partner users.
    public var partnerUsers: Int
    /// High-volume customer users.
    public var customerUsers: Int
    /// Opportunity and Case records together.
    public var records: Int
    /// Roles in the internal tree.
    public var internalRoles: Int
    /// Levels of the internal tree.
    public var depth: Int
    /// Public groups.
    public var groups: Int
    /// Owner-based sharing rules.
    public var ownerRules: Int
    /// Criteria-based sharing rules.
    public var criteriaRules: Int
    /// Manual shares.
    public var manualShares: Int
    /// Sampled checks.
    public var checks: Int
    /// Users whose two listings are sampled.
    public var listUsers: Int

    /// Creates a scale.
    public init(
        name: String, internalUsers: Int, partnerAccounts: Int, partnerUsers: Int, customerUsers: Int, records: Int,
        internalRoles: Int, depth: Int, groups: Int, ownerRules: Int, criteriaRules: Int, manualShares: Int,
        checks: Int, listUsers: Int
    ) {
        self.name = name
        self.internalUsers = internalUsers
        self.partnerAccounts = partnerAccounts
        self.partnerUsers = partnerUsers
        self.customerUsers = customerUsers
        self.records = records
        self.internalRoles = internalRoles
        self.depth = depth
        self.groups = groups
        self.ownerRules = ownerRules
        self.criteriaRules = criteriaRules
        self.manualShares = manualShares
        self.checks = checks
        self.listUsers = listUsers
    }

    /// 1,000 users and 10,000 records.
    public static let small = WorkloadScale(
        name: "small", internalUsers: 200, partnerAccounts: 50, partnerUsers: 300, customerUsers: 500,
        records: 10_000, internalRoles: 70, depth: 6, groups: 16, ownerRules: 20, criteriaRules: 16,
        manualShares: 400, checks: 20_000, listUsers: 200)
    /// 10,000 users and 100,000 records.
    public static let medium = WorkloadScale(
        name: "medium", internalUsers: 2_000, partnerAccounts: 500, partnerUsers: 3_000, customerUsers: 5_000,
        records: 100_000, internalRoles: 350, depth: 7, groups: 48, ownerRules: 28, criteriaRules: 22,
        manualShares: 4_000, checks: 20_000, listUsers: 200)
    /// 100,000 users and 1,000,000 records.
    public static let large = WorkloadScale(
        name: "large", internalUsers: 10_000, partnerAccounts: 5_000, partnerUsers: 30_000, customerUsers: 60_000,
        records: 1_000_000, internalRoles: 1_500, depth: 8, groups: 120, ownerRules: 40, criteriaRules: 32,
        manualShares: 30_000, checks: 24_000, listUsers: 240)
    /// A very small workload for tests (not in the contract's table).
    public static let tiny = WorkloadScale(
        name: "tiny", internalUsers: 40, partnerAccounts: 6, partnerUsers: 30, customerUsers: 40,
        records: 600, internalRoles: 20, depth: 5, groups: 8, ownerRules: 6, criteriaRules: 6,
        manualShares: 40, checks: 600, listUsers: 24)

    /// The named scales: `tiny`, `small`, `medium`, `large`.
    public static func named(_ name: String) -> WorkloadScale? {
        [tiny, small, medium, large].first { $0.name == name }
    }
}
