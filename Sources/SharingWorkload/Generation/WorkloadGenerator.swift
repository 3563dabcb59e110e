/// The project's own workload generator: deterministic for a scale and seed, with the
/// structure the workload contract describes (internal role tree; partner accounts whose
/// Executive → Manager → User roles hang under the account owner's role; high-volume customer
/// users without a role; nested public groups; owner and criteria sharing rules; sharing
/// sets; manual shares; partner super users; Zipf-skewed ownership below 10,000 records per
/// owner). Expected answers of the sampled checks and listings come from
/// ``ReferenceEvaluator``.
public enum WorkloadGenerator {
    /// Builds the workload for `scale` and `seed`; the same inputs give the same workload.
    public static func generate(_ scale: WorkloadScale, seed: Int) -> Workload {
        var builder = WorkloadBuilder(scale: scale, seed: seed)
        return builder.build()
    }

    /// The profiles every generated workload uses.
    public static let profiles: [WorkloadProfile] = {
        func p(
            _ id: String, _ opportunity: WorkloadAccessLevel, _ caseLevel: WorkloadAccessLevel,
            viewAll: Set<WorkloadObject> = [], modifyAll: Set<WorkloadObject> = []
        ) -> WorkloadProfile {
            WorkloadProfile(
                id: id, objects: [.opportunity: opportunity, .case: caseLevel], viewAll: viewAll, modifyAll: modifyAll)
        }
        return [
            p("SystemAdministrator", .edit, .edit, viewAll: [.opportunity, .case], modifyAll: [.opportunity, .case]),
            p("StandardUser", .edit, .read),
            p("SalesRep", .edit, .read),
            p("SalesManager", .edit, .read),
            p("ChannelManager", .edit, .edit),
            p("SupportAgent", .read, .edit),
            p("SupportManager", .read, .edit, viewAll: [.case]),
            p("Finance", .read, .none, viewAll: [.opportunity]),
            p("Marketing", .read, .none),
            p("ReadOnly", .read, .read),
            p("PartnerCommunity", .edit, .edit),
            p("PartnerCommunityLogin", .read, .read),
            p("PartnerSupport", .none, .edit),
            p("CustomerCommunity", .none, .edit),
            p("CustomerCommunityLogin", .none, .read),
            p("CustomerCommunityPlus", .read, .edit),
        ]
    }()

    /// Opportunities private to everyone; cases readable by employees, private to externals.
    public static let orgDefaults = OrgDefaults(
        internal: [.opportunity: .none, .case: .read], external: [.opportunity: .none, .case: .none])

    /// Customers see their account's cases (edit) and opportunities (read).
    public static let sharingSets = [
        SharingSetSpec(object: .case, userKinds: [.customer], userField: .account, recordField: .account, access: .edit),
        SharingSetSpec(
            object: .opportunity, userKinds: [.customer], userField: .account, recordField: .account, access: .read),
    ]

    /// Regions and their weights.
    static let regions = ["NA", "EMEA", "APAC", "LATAM"]
    static let regionWeights = [40.0, 30.0, 20.0, 10.0]
    /// "Fewer than 10,000 records per owner."
    static let maxRecordsPerOwner = 9_000
}
