/// A profile: object permissions per object, and View All / Modify All per object.
public struct WorkloadProfile: Sendable, Hashable {
    /// The profile's id, such as `SalesUser`.
    public var id: String
    /// The object permission (none, read or edit) per object; a missing object means none.
    public var objects: [WorkloadObject: WorkloadAccessLevel]
    /// Objects on which the profile has View All.
    public var viewAll: Set<WorkloadObject>
    /// Objects on which the profile has Modify All.
    public var modifyAll: Set<WorkloadObject>

    /// Creates a profile.
    public init(
        id: String, objects: [WorkloadObject: WorkloadAccessLevel],
        viewAll: Set<WorkloadObject> = [], modifyAll: Set<WorkloadObject> = []
    ) {
        self.id = id
        self.objects = objects
        self.viewAll = viewAll
        self.modifyAll = modifyAll
    }

    /// The object permission for `object`.
    public func permission(on object: WorkloadObject) -> WorkloadAccessLevel { objects[object] ?? .none }

    /// Caps a record access level by this profile (the contract's profile cap).
    public func cap(_ level: WorkloadAccessLevel, on object: WorkloadObject) -> WorkloadAccessLevel {
        if modifyAll.contains(object) { return .edit }
        let capped = min(level, permission(on: object))
        return viewAll.contains(object) ? max(capped, .read) : capped
    }
}
