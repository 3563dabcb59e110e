/// How a record page shows one object to the profiles it is assigned to (Salesforce: a page
/// layout): sections of fields in order, read-only fields and related lists.
///
/// Field-level security still applies: ``visibleSections(readable:)`` drops every field the
/// viewer may not read (and sections left empty), and ``editableFields(access:)`` keeps only
/// fields the layout does not mark read-only and the viewer may edit.
public struct RecordLayout: Hashable, Sendable, Codable {
    /// The layout's name, unique per object (`Partner Lead Layout`).
    public var name: String
    /// The object.
    public var object: EntityType
    /// The sections, in order.
    public var sections: [RecordLayoutSection]
    /// The related lists, in order.
    public var relatedLists: [RelatedList]
    /// Whether readable custom fields that no section places are shown in a last section
    /// ("Additional information"); the built-in layouts do, so a host's custom fields appear
    /// before it writes layouts of its own.
    public var showsOtherCustomFields: Bool

    /// A layout.
    public init(
        name: String, object: EntityType, sections: [RecordLayoutSection], relatedLists: [RelatedList] = [],
        showsOtherCustomFields: Bool = false
    ) {
        self.name = name
        self.object = object
        self.sections = sections
        self.relatedLists = relatedLists
        self.showsOtherCustomFields = showsOtherCustomFields
    }

    private enum CodingKeys: String, CodingKey { case name, object, sections, relatedLists, showsOtherCustomFields }

    /// Decodes a layout; `relatedLists` and `showsOtherCustomFields` may be absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), object: try c.decode(EntityType.self, forKey: .object),
            sections: try c.decode([RecordLayoutSection].self, forKey: .sections),
            relatedLists: try c.decodeIfPresent([RelatedList].self, forKey: .relatedLists) ?? [],
            showsOtherCustomFields: try c.decodeIfPresent(Bool.self, forKey: .showsOtherCustomFields) ?? false)
    }

    /// The custom fields (`…__c`) among `names` that no section places, in name order.
    public func unplacedCustomFields(_ names: some Sequence<String>) -> [String] {
        let placed = Set(fieldNames)
        return names.filter { $0.hasSuffix("__c") && !placed.contains($0) }.sorted()
    }

    /// The heading of the section of custom fields no section places.
    public static let otherFieldsHeading: LocalizedText = ["en": "Additional information", "de": "Weitere Informationen", "ko": "추가 정보"]

    /// Every field on the layout, in order, each once.
    public var fieldNames: [String] {
        var seen: Set<String> = []
        return sections.flatMap(\.fields).map(\.name).filter { seen.insert($0).inserted }
    }

    /// The sections with only the fields `readable` allows, leaving out sections with none.
    public func visibleSections(readable: (String) -> Bool) -> [RecordLayoutSection] {
        sections.compactMap { section in
            var copy = section
            copy.fields = section.fields.filter { readable($0.name) }
            return copy.fields.isEmpty ? nil : copy
        }
    }

    /// The fields a viewer may change through this layout: not read-only on the layout, and
    /// editable under the viewer's field-level security.
    public func editableFields(access: (String) -> FieldAccess) -> [String] {
        var seen: Set<String> = []
        return sections.flatMap(\.fields).filter { !$0.isReadOnly && access($0.name) >= .edit }.map(\.name)
            .filter { seen.insert($0).inserted }
    }

    /// A layout with one section listing `fields` (in order), for objects that declare none.
    public static func generated(for object: EntityType, fields: [String]) -> RecordLayout {
        RecordLayout(name: "\(object.name) Layout", object: object, sections: [
            RecordLayoutSection(["en": "Details", "de": "Details", "ko": "세부 정보"], fields: fields.map { LayoutField($0) }),
        ], showsOtherCustomFields: true)
    }

    /// Problems with the layout: malformed field names, related lists without columns.
    public var issues: [String] {
        var issues: [String] = []
        for (i, section) in sections.enumerated() {
            for field in section.fields where !ID<Never>.isValid(field.name) || field.name.contains(":") {
                issues.append("sections[\(i)]: \(field.name.prefix(80).debugDescription) is not a field name")
            }
        }
        for (i, list) in relatedLists.enumerated() {
            if !ID<Never>.isValid(list.field) { issues.append("relatedLists[\(i)]: \(list.field.prefix(80).debugDescription) is not a field name") }
            if list.columns.isEmpty { issues.append("relatedLists[\(i)]: no columns") }
            for column in list.columns where !ID<Never>.isValid(column) {
                issues.append("relatedLists[\(i)]: \(column.prefix(80).debugDescription) is not a field name")
            }
        }
        return issues
    }
}
