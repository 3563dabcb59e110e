/// Org-wide defaults: per object, the baseline for internal users and for external users.
public struct OrgDefaults: Sendable, Hashable {
    /// Per object, the internal users' default.
    public var `internal`: [WorkloadObject: WorkloadAccessLevel]
    /// Per object, the partner and customer users' default.
    public var external: [WorkloadObject: WorkloadAccessLevel]

    /// Creates org-wide defaults; missing objects are private.
    public init(internal: [WorkloadObject: WorkloadAccessLevel], external: [WorkloadObject: WorkloadAccessLevel]) {
        self.internal = `internal`
        self.external = external
    }

    /// The default that applies to a user of `kind` on `object`.
    public func level(for kind: UserKind, on object: WorkloadObject) -> WorkloadAccessLevel {
        (kind.isExternal ? external[object] : `internal`[object]) ?? .none
    }
}
