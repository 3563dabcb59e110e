import CommunityModel
public import Foundation

extension CaseService {
    /// Evaluates the entitlement milestones of every open case as of `moment` and announces each
    /// milestone that reached ``Milestone/State/warning`` or ``Milestone/State/violated`` for the
    /// first time: a notice to the case's owner (when a user owns it) and a ``MilestoneAlert`` on
    /// the bus. Each state is announced once per case, also when runs overlap: it is recorded in
    /// ``CaseTracking/milestoneAlerts`` inside the case's transaction. Returns the alerts raised.
    @discardableResult
    public func runMilestoneAlerts(at moment: Date) throws -> [MilestoneAlert] {
        let reader = environment.store.snapshot()
        var raised: [MilestoneAlert] = []
        var notices: [ServiceNotice] = []
        for candidate in try reader.all(Case.self).map(\.value) where !configuration.lifecycle.isClosed(candidate.status) {
            guard let tracking = try reader.value(CaseTracking.id(for: candidate.id)) else { continue }
            guard !pendingAlerts(candidate, tracking, at: moment).isEmpty else { continue }
            let (alerts, record) = try environment.store.write { tx -> ([MilestoneAlert], Case?) in
                guard let record = try tx.value(candidate.id), !configuration.lifecycle.isClosed(record.status),
                    var tracking = try tx.value(CaseTracking.id(for: candidate.id))
                else { return ([], nil) }
                let alerts = pendingAlerts(record, tracking, at: moment)
                guard !alerts.isEmpty else { return ([], nil) }
                var keys = tracking.milestoneAlerts ?? []
                for alert in alerts {
                    let covered = alert.state == .violated ? [alert.kind.rawValue + ".warning", alert.key] : [alert.key]
                    keys += covered.filter { !keys.contains($0) }
                }
                tracking.milestoneAlerts = keys
                try tx.put(tracking)
                return (alerts, record)
            }
            guard let record else { continue }
            raised += alerts
            if let owner = record.owner.user {
                for alert in alerts {
                    let what = alert.kind == .firstResponse ? "first response" : "resolution"
                    let state = alert.state == .violated ? "missed" : "due soon"
                    notices.append(
                        ServiceNotice(
                            recipient: owner, title: "Milestone \(state) (\(what)): \(record.subject)",
                            recordType: Case.entityType, recordID: record.id.rawValue, sentAt: moment))
                }
            }
        }
        for alert in raised { environment.bus.publish(alert) }
        for notice in notices { environment.notifier.notify(notice) }
        return raised
    }

    /// The warning and violation alerts of a case not yet announced, as of `moment`.
    private func pendingAlerts(_ record: Case, _ tracking: CaseTracking, at moment: Date) -> [MilestoneAlert] {
        let announced = Set(tracking.milestoneAlerts ?? [])
        var alerts: [MilestoneAlert] = []
        for milestone in milestones(record, tracking: tracking, at: moment) where milestone.completedAt == nil {
            guard milestone.state == .warning || milestone.state == .violated else { continue }
            // A milestone that went past its warning unseen is announced as violated only.
            let alert = MilestoneAlert(caseID: record.id, kind: milestone.kind, state: milestone.state, occurredAt: moment)
            if !announced.contains(alert.key) { alerts.append(alert) }
        }
        return alerts
    }
}
