import CommunityModel

extension ReportDefinition {
    /// This definition limited to the records created through one site: its filter and
    /// `NetworkId equals site` (``ObjectSchema/siteField``). Running it on an object without a
    /// site field fails with ``ReportError/unknownField(object:field:)`` naming that field.
    public func limited(toSite site: String) -> ReportDefinition {
        var out = self
        let condition = ReportFilter.condition(ReportCondition(ObjectSchema.siteField, .equals, [site]))
        out.filter = filter.map { .and([condition, $0]) } ?? condition
        return out
    }
}
