public import CommunityModel
public import CommunityAccess

/// Why a summary cannot be shown to a viewer.
public enum RecordSummaryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Field-level security hides the field the records would be grouped by, so even the group
    /// names would reveal it.
    case groupingFieldHidden(object: EntityType, field: String)

    public var description: String {
        switch self {
        case .groupingFieldHidden(let object, let field):
            "\(object.name).\(field) is hidden from this viewer by field-level security, so records cannot be grouped by it"
        }
    }
}

extension RecordReader {
    /// A summary as a viewer may see it.
    public struct Summary: Sendable, Hashable {
        /// The counts (and sums, unless ``measureHidden``) per group.
        public var summary: RecordSummary
        /// Whether field-level security hides the measured field, so no sums are shown.
        public var measureHidden: Bool
    }

    /// Counts, and sums of `measure`, of the records of an object the viewer may read, grouped
    /// by `groupBy` (optionally only those where `field` equals `value`), aggregated by the
    /// access engine rather than listed: every readable record counts, however many there are.
    ///
    /// - Throws: ``RecordSummaryError/groupingFieldHidden(object:field:)`` when field-level
    ///   security hides the grouping field (or a filter field) from the viewer.
    /// - Returns: An empty summary for the guest and unknown users.
    public func summary(
        of object: EntityType, viewer: Viewer, groupBy: String, measure: String? = nil,
        where field: String? = nil, equals value: FieldValue? = nil
    ) throws(RecordSummaryError) -> Summary {
        guard let user = viewer.user?.id else {
            return Summary(summary: RecordSummary(groups: [], count: 0, sum: nil, asOf: engine.snapshot.sequence), measureHidden: false)
        }
        let snapshot = engine.snapshot
        for name in [groupBy] + (field.map { [$0] } ?? []) where snapshot.fieldAccess(user, object: object, field: name) < .read {
            throw .groupingFieldHidden(object: object, field: name)
        }
        let measureHidden = measure.map { snapshot.fieldAccess(user, object: object, field: $0) < .read } ?? false
        let conditions = field.flatMap { f in value.map { [SharingCriterion(field: f, equals: $0)] } } ?? []
        let query = SummaryQuery(object: object, groupBy: groupBy, measure: measureHidden ? nil : measure, conditions: conditions)
        return Summary(summary: engine.summarizeVisible(of: user, query), measureHidden: measureHidden)
    }
}
