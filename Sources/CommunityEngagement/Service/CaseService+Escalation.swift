public import CommunityModel
public import Foundation

extension CaseService {
    /// Runs every escalation rule against every open case at the clock's current time.
    /// Each rule fires at most once per case; each case's escalation is one transaction.
    /// Returns the cases escalated, with the rules that fired.
    @discardableResult
    public func runEscalations() throws -> [(caseID: ID<Case>, rules: [String])] {
        try runEscalations(at: now)
    }

    /// Runs every escalation rule against every open case as of `moment` (a scheduler's time).
    /// Each rule fires at most once per case, also when several runs overlap: the rules still
    /// due are decided again inside each case's transaction.
    @discardableResult
    public func runEscalations(at moment: Date) throws -> [(caseID: ID<Case>, rules: [String])] {
        guard !configuration.escalationRules.isEmpty else { return [] }
        let reader = environment.store.snapshot()
        var fired: [(caseID: ID<Case>, rules: [String])] = []
        var notices: [ServiceNotice] = []
        for candidate in try reader.all(Case.self).map(\.value)
        where !configuration.lifecycle.isClosed(candidate.status) {
            guard let tracking = try reader.value(CaseTracking.id(for: candidate.id)) else { continue }
            let due = configuration.escalationRules.filter {
                !tracking.firedEscalations.contains($0.name) && triggers($0.trigger, candidate, tracking, at: moment)
            }
            guard !due.isEmpty else { continue }
            let (caseNotices, fresh) = try environment.store.write { tx -> ([ServiceNotice], [CaseEscalationRule]) in
                guard var record = try tx.value(candidate.id),
                    var tracking = try tx.value(CaseTracking.id(for: candidate.id))
                else { return ([], []) }
                // Another run may have fired some of these rules since the snapshot was taken.
                let due = due.filter { !tracking.firedEscalations.contains($0.name) }
                guard !due.isEmpty else { return ([], []) }
                var sent: [ServiceNotice] = []
                for rule in due {
                    tracking.firedEscalations.append(rule.name)
                    for action in rule.actions {
                        sent += try apply(action, rule: rule.name, to: &record, tracking: &tracking, in: tx)
                    }
                }
                try tx.put(record)
                try tx.put(tracking)
                return (sent, due)
            }
            guard !fresh.isEmpty else { continue }
            notices += caseNotices
            fired.append((candidate.id, fresh.map(\.name)))
            for rule in fresh { environment.bus.publish(CaseEscalated(caseID: candidate.id, rule: rule.name, occurredAt: moment)) }
        }
        for notice in notices { environment.notifier.notify(notice) }
        return fired
    }

    func triggers(_ trigger: CaseEscalationRule.Trigger, _ record: Case, _ tracking: CaseTracking, at moment: Date)
        -> Bool
    {
        switch trigger {
        case .noFirstResponse(let seconds):
            return tracking.firstResponseAt == nil
                && configuration.businessHours.businessSeconds(from: record.createdAt, to: moment) >= seconds
        case .keywords(let words): return CaseCriterion.firstKeyword(words, in: record) != nil
        case .priority(let priorities): return priorities.contains(record.priority)
        }
    }

    private func apply(
        _ action: CaseEscalationRule.Action, rule: String, to record: inout Case, tracking: inout CaseTracking,
        in tx: any StoreTransaction
    ) throws -> [ServiceNotice] {
        func notice(_ user: ID<User>) -> ServiceNotice {
            ServiceNotice(
                recipient: user, title: "Case escalated (\(rule)): \(record.subject)", recordType: Case.entityType,
                recordID: record.id.rawValue, sentAt: now)
        }
        switch action {
        case .reassign(let owner):
            let old = record.owner
            record.owner = owner
            try appendHistory(
                &tracking, field: "OwnerId", old: old.description, new: owner.description, actor: nil, reason: rule, in: tx)
        case .raisePriority, .setPriority:
            let old = record.priority
            if case .setPriority(let p) = action {
                record.priority = p
            } else {
                let all = Case.Priority.allCases
                record.priority = all[min(all.count - 1, (all.firstIndex(of: old) ?? all.count - 1) + 1)]
            }
            if old != record.priority {
                try appendHistory(
                    &tracking, field: "Priority", old: old.rawValue, new: record.priority.rawValue, actor: nil,
                    reason: rule, in: tx)
            }
        case .notify(let user): return [notice(user)]
        case .notifyOwner: return record.owner.user.map { [notice($0)] } ?? []
        case .markEscalated:
            if let escalated = configuration.lifecycle.escalatedStatus,
                configuration.lifecycle.allows(from: record.status, to: escalated)
            {
                let old = record.status
                record.status = escalated
                try appendHistory(&tracking, field: "Status", old: old, new: escalated, actor: nil, reason: rule, in: tx)
            }
        }
        return []
    }
}
