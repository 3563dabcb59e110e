/// A public group; members may be users, roles, roles and subordinates, or other groups.
public struct WorkloadGroup: Sendable, Hashable {
    /// The group's id, such as `g3`.
    public var id: String
    /// The direct members.
    public var members: [WorkloadGrantee]

    /// Creates a group.
    public init(id: String, members: [WorkloadGrantee]) {
        self.id = id
        self.members = members
    }

    /// Throws ``WorkloadError/cycle(kind:id:)`` when groups nest into a cycle.
    public static func checkAcyclic(_ groups: [WorkloadGroup]) throws(WorkloadError) {
        var nested: [String: [String]] = [:]
        for group in groups {
            nested[group.id] = group.members.compactMap { if case .group(let g) = $0 { g } else { nil } }
        }
        // Depth-first search with colours: 1 = on the stack, 2 = finished.
        var colour: [String: Int] = [:]
        for group in groups where colour[group.id] == nil {
            var stack: [(String, Int)] = [(group.id, 0)]
            colour[group.id] = 1
            while let (id, next) = stack.last {
                let children = nested[id] ?? []
                if next < children.count {
                    stack[stack.count - 1].1 = next + 1
                    let child = children[next]
                    switch colour[child] {
                    case 1: throw .cycle(kind: "group", id: child)
                    case 2: continue
                    default:
                        colour[child] = 1
                        stack.append((child, 0))
                    }
                } else {
                    colour[id] = 2
                    stack.removeLast()
                }
            }
        }
    }
}
