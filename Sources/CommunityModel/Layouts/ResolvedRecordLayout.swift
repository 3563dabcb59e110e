/// A ``RecordLayout`` as one user gets it: the sections with only the fields their field-level
/// security lets them read, and the fields they may edit through it.
public struct ResolvedRecordLayout: Sendable, Hashable {
    /// The layout assigned to the user's profile.
    public var layout: RecordLayout
    /// Its sections after field-level security (empty sections left out).
    public var sections: [RecordLayoutSection]
    /// The fields the user may edit: not read-only on the layout, editable under field-level security.
    public var editableFields: [String]

    /// Resolves `layout` with a field-level security answer per field.
    public init(_ layout: RecordLayout, access: (String) -> FieldAccess) {
        self.layout = layout
        sections = layout.visibleSections { access($0) >= .read }
        editableFields = layout.editableFields(access: access)
    }
}
