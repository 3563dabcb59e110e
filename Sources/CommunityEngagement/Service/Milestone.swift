public import Foundation

/// The state of one entitlement milestone of a case, computed from the clock and business hours.
public struct Milestone: Hashable, Sendable, Codable {
    /// Which target.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case firstResponse, resolution
    }

    /// How the milestone stands.
    public enum State: String, Hashable, Sendable, Codable, CaseIterable {
        /// Open, with less than the warning share of the target used.
        case onTrack
        /// Open, past the warning share but not the target.
        case warning
        /// Past the target (open, or completed late).
        case violated
        /// Completed within the target.
        case met
    }

    public var kind: Kind
    public var state: State
    /// The target in business seconds.
    public var target: Double
    /// Business seconds used so far (until completion, once completed).
    public var elapsed: Double
    /// The moment the target runs out.
    public var deadline: Date?
    /// When it was completed, if it was.
    public var completedAt: Date?

    /// Computes a milestone's state.
    static func evaluate(
        kind: Kind, target: Double, warningFraction: Double, start: Date, completedAt: Date?, now: Date,
        hours: BusinessHours
    ) -> Milestone {
        let end = completedAt ?? now
        let elapsed = hours.businessSeconds(from: start, to: end)
        let state: State
        if elapsed > target || (completedAt == nil && elapsed >= target) {
            state = .violated
        } else if completedAt != nil {
            state = .met
        } else if elapsed >= target * warningFraction {
            state = .warning
        } else {
            state = .onTrack
        }
        return Milestone(
            kind: kind, state: state, target: target, elapsed: elapsed,
            deadline: hours.deadline(adding: target, to: start), completedAt: completedAt)
    }
}
