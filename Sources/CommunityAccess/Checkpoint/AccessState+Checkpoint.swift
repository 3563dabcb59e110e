import CommunityModel

extension AccessState {
    /// The entities the state was built from, grouped in the order a build applies them.
    func checkpointEntities() -> (configuration: [any Entity], records: [any Record], grants: [any Entity]) {
        var configuration: [any Entity] = [settings]
        configuration += profiles.keys.sorted().compactMap { profiles[$0] }
        configuration += permissionSets.keys.sorted().compactMap { permissionSets[$0] }
        configuration += permissionSetGroups.keys.sorted().compactMap { permissionSetGroups[$0] }
        configuration += roles.compactMap { $0 }
        configuration += users.compactMap { $0 }
        configuration += groups.compactMap { $0 }
        configuration += queues.compactMap { $0 }
        configuration += orgDefaults.keys.sorted { $0.name < $1.name }.compactMap { orgDefaults[$0] }
        configuration += sharingSets.compactMap { $0 }
        configuration += sites.keys.sorted().compactMap { sites[$0] }
        var records: [any Record] = []
        records.reserveCapacity(rows.count)
        for i in 0..<rows.count where isAlive(UInt32(truncatingIfNeeded: i)) { records.append(entities[i]) }
        var grants: [any Entity] = rules.compactMap { $0 }
        grants += shareEntities.compactMap { $0 }
        return (configuration, records, grants)
    }
}
