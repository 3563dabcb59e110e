public import CommunityModel
public import Foundation

extension CaseService {
    /// The member who raised a closed case answers its survey (once).
    @discardableResult
    public func answerSurvey(
        _ id: ID<Case>, csat: Int, nps: Int, comment: String = "", by member: ID<User>
    ) throws -> CaseSurvey {
        guard CaseSurvey.csatRange.contains(csat) else {
            throw CaseError.scoreOutOfRange(field: "CSAT", value: csat, allowed: CaseSurvey.csatRange)
        }
        guard CaseSurvey.npsRange.contains(nps) else {
            throw CaseError.scoreOutOfRange(field: "NPS", value: nps, allowed: CaseSurvey.npsRange)
        }
        do { try Check.text(comment, field: "CaseSurvey.Comment", max: 4_000, required: false) } catch {
            throw CaseError.invalid(error)
        }
        return try environment.store.write { tx in
            guard let record = try tx.value(id), let tracking = try tx.value(CaseTracking.id(for: id)) else {
                throw CaseError.unknownCase(id)
            }
            try environment.require(.read, user: member, record: record, in: tx)
            guard tracking.raisedBy == member else { throw CaseError.notCaseMember(case: id, user: member) }
            guard configuration.lifecycle.isClosed(record.status) else { throw CaseError.caseNotClosed(id) }
            let survey = CaseSurvey(
                id: id.retyped(), caseID: id, userID: member, csat: csat, nps: nps, comment: comment, answeredAt: now)
            do { try tx.put(survey, expecting: .absent) } catch StoreError.conflict {
                throw CaseError.surveyAlreadyGiven(id)
            }
            return survey
        }
    }

    /// Surveys answered in `start..<end`, aggregated.
    public func surveySummary(from start: Date, to end: Date) throws -> SurveySummary {
        SurveySummary.aggregate(try surveys(from: start, to: end), start: start, end: end)
    }

    /// Surveys aggregated per calendar period (`.day`, `.weekOfYear`, `.month`) in a time zone.
    public func surveySummaries(
        per period: Calendar.Component, from start: Date, to end: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!  // trap-safe: "UTC" is a literal every time zone database has
    ) throws -> [SurveySummary] {
        guard [.day, .weekOfYear, .month, .year].contains(period) else {
            throw CaseError.invalidConfiguration("survey periods are day, weekOfYear, month or year")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let all = try surveys(from: start, to: end)
        var result: [SurveySummary] = []
        guard var periodStart = calendar.dateInterval(of: period, for: start)?.start else { return [] }
        while periodStart < end, result.count < 10_000 {
            guard let next = calendar.date(byAdding: period, value: 1, to: periodStart) else { break }
            result.append(SurveySummary.aggregate(all, start: max(periodStart, start), end: min(next, end)))
            periodStart = next
        }
        return result
    }

    private func surveys(from start: Date, to end: Date) throws -> [CaseSurvey] {
        try environment.store.snapshot().query(
            Query<CaseSurvey>().filter("answeredAt", .range(lower: .dateTime(start), upper: .dateTime(end)))
        ).map(\.value)
    }
}
