/// Object permissions a profile or permission set grants on one object.
///
/// Implications are applied by ``normalized``: Create ⇒ Read, Edit ⇒ Read, Delete ⇒ Edit,
/// Modify All ⇒ View All + Delete, View All ⇒ Read.
public struct ObjectPermissions: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: UInt8
    /// Creates a permission set from its bits.
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Read records that sharing makes visible.
    @inlinable public static var read: ObjectPermissions { ObjectPermissions(rawValue: 1 << 0) }
    /// Create records.
    @inlinable public static var create: ObjectPermissions { ObjectPermissions(rawValue: 1 << 1) }
    /// Edit records the user may edit through sharing.
    @inlinable public static var edit: ObjectPermissions { ObjectPermissions(rawValue: 1 << 2) }
    /// Delete records the user has full access to.
    @inlinable public static var delete: ObjectPermissions { ObjectPermissions(rawValue: 1 << 3) }
    /// Read every record of the object, overriding sharing.
    @inlinable public static var viewAll: ObjectPermissions { ObjectPermissions(rawValue: 1 << 4) }
    /// Read, edit, delete and transfer every record of the object, overriding sharing.
    @inlinable public static var modifyAll: ObjectPermissions { ObjectPermissions(rawValue: 1 << 5) }
    /// Read every field of the object, overriding field-level security.
    @inlinable public static var viewAllFields: ObjectPermissions { ObjectPermissions(rawValue: 1 << 6) }

    /// Read, create, edit and delete.
    @inlinable public static var crud: ObjectPermissions { [.read, .create, .edit, .delete] }

    /// The permissions with their implications added.
    public var normalized: ObjectPermissions {
        var p = self
        if p.contains(.modifyAll) { p.formUnion([.viewAll, .delete]) }
        if p.contains(.delete) { p.insert(.edit) }
        if p.contains(.viewAll) || p.contains(.edit) || p.contains(.create) { p.insert(.read) }
        return p
    }
}

/// Field-level security for one field: nothing, read, or read and edit.
public enum FieldAccess: Int, Hashable, Sendable, Codable, Comparable {
    /// The field is hidden.
    case hidden = 0
    /// The field may be read.
    case read = 1
    /// The field may be read and edited.
    case edit = 2

    public static func < (lhs: FieldAccess, rhs: FieldAccess) -> Bool { lhs.rawValue < rhs.rawValue }
}
