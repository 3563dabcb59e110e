import SharingWorkload

/// A small hand-built workload whose answers are worked out by hand from the contract.
///
/// Roles: ceo ▸ vp ▸ {rep, rep2} and ceo ▸ lead ▸ {empty (no users), team}; partner account aP's roles px ▸ pm ▸ pu hang under vp
/// (the account owner's role). Records: o1 (rep's deal on customer account aC, region NA),
/// o2 (partner user pu's deal), o3 (px's deal), c1 (customer's case on aC), c2 (pu2's case,
/// region EMEA).
enum HandBuilt {
    static let standard = WorkloadProfile(id: "Standard", objects: [.opportunity: .edit, .case: .read])
    static let partner = WorkloadProfile(id: "Partner", objects: [.opportunity: .edit, .case: .edit])
    static let partnerLogin = WorkloadProfile(id: "PartnerLogin", objects: [.opportunity: .read, .case: .read])
    static let customer = WorkloadProfile(id: "Customer", objects: [.opportunity: .none, .case: .edit])
    static let customerPlus = WorkloadProfile(id: "CustomerPlus", objects: [.opportunity: .read, .case: .edit])
    static let viewer = WorkloadProfile(id: "Viewer", objects: [.opportunity: .read, .case: .none], viewAll: [.opportunity])
    static let admin = WorkloadProfile(
        id: "Admin", objects: [.opportunity: .edit, .case: .edit], viewAll: [.opportunity, .case],
        modifyAll: [.opportunity, .case])

    static func workload(
        rules: [SharingRuleSpec] = [], sets: [SharingSetSpec] = [], shares: [ManualShareSpec] = [],
        groups: [WorkloadGroup] = []
    ) -> Workload {
        Workload(
            scale: "hand", seed: 0,
            orgDefaults: OrgDefaults(internal: [.opportunity: .none, .case: .read], external: [.opportunity: .none, .case: .none]),
            profiles: [standard, partner, partnerLogin, customer, customerPlus, viewer, admin],
            roles: [
                WorkloadRole(id: "ceo", parent: nil, kind: .internal),
                WorkloadRole(id: "vp", parent: "ceo", kind: .internal),
                WorkloadRole(id: "rep", parent: "vp", kind: .internal),
                WorkloadRole(id: "rep2", parent: "vp", kind: .internal),
                WorkloadRole(id: "lead", parent: "ceo", kind: .internal),
                WorkloadRole(id: "empty", parent: "lead", kind: .internal),
                WorkloadRole(id: "team", parent: "lead", kind: .internal),
                WorkloadRole(id: "px", parent: "vp", kind: .partner, account: "aP"),
                WorkloadRole(id: "pm", parent: "px", kind: .partner, account: "aP"),
                WorkloadRole(id: "pu", parent: "pm", kind: .partner, account: "aP"),
            ],
            users: [
                WorkloadUser(id: "ceo", kind: .internal, role: "ceo", profile: "Standard"),
                WorkloadUser(id: "vp", kind: .internal, role: "vp", profile: "Standard"),
                WorkloadUser(id: "rep", kind: .internal, role: "rep", profile: "Standard"),
                WorkloadUser(id: "repMate", kind: .internal, role: "rep", profile: "Standard"),
                WorkloadUser(id: "peer", kind: .internal, role: "rep2", profile: "Standard"),
                WorkloadUser(id: "lead", kind: .internal, role: "lead", profile: "Standard"),
                WorkloadUser(id: "member", kind: .internal, role: "team", profile: "Standard"),
                WorkloadUser(id: "viewer", kind: .internal, role: nil, profile: "Viewer"),
                WorkloadUser(id: "admin", kind: .internal, role: nil, profile: "Admin"),
                WorkloadUser(id: "px", kind: .partner, role: "px", profile: "Partner", account: "aP"),
                WorkloadUser(id: "pm", kind: .partner, role: "pm", profile: "Partner", account: "aP", superUser: true),
                WorkloadUser(id: "pu", kind: .partner, role: "pu", profile: "Partner", account: "aP"),
                WorkloadUser(id: "pu2", kind: .partner, role: "pu", profile: "PartnerLogin", account: "aP"),
                WorkloadUser(id: "cust", kind: .customer, role: nil, profile: "Customer", account: "aC"),
                WorkloadUser(id: "custPlus", kind: .customer, role: nil, profile: "CustomerPlus", account: "aC"),
            ],
            groups: groups,
            accounts: [
                WorkloadAccount(id: "aP", owner: "vp", region: "NA", partner: true),
                WorkloadAccount(id: "aC", owner: "rep", region: "NA", partner: false),
            ],
            sharingRules: rules, sharingSets: sets, manualShares: shares,
            records: [
                WorkloadRecord(id: "o1", object: .opportunity, owner: "rep", account: "aC", region: "NA", amount: 1000),
                WorkloadRecord(id: "o2", object: .opportunity, owner: "pu", account: "aC", region: "NA", amount: 2000),
                WorkloadRecord(id: "o3", object: .opportunity, owner: "px", account: "aP", region: "NA", amount: 3000),
                WorkloadRecord(id: "c1", object: .case, owner: "cust", account: "aC", region: "NA", amount: 0),
                WorkloadRecord(id: "c2", object: .case, owner: "pu2", account: "aP", region: "EMEA", amount: 0),
            ])
    }

    /// The contract's customer sharing sets (cases edit, opportunities read, matched on account).
    static let customerSets = [
        SharingSetSpec(object: .case, userKinds: [.customer], userField: .account, recordField: .account, access: .edit),
        SharingSetSpec(object: .opportunity, userKinds: [.customer], userField: .account, recordField: .account, access: .read),
    ]
}
