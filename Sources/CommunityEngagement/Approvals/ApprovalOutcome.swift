public import CommunityModel
public import Foundation

/// What a final action of an ``ApprovalProcess`` receives: the decided request and the
/// transaction that records the decision, so the action's writes commit with it or not at all.
public struct ApprovalOutcome {
    /// The request after the decision.
    public let request: ApprovalRequest
    /// Who decided (or recalled).
    public let actor: ID<User>
    /// When.
    public let at: Date
    /// The transaction recording the decision; write the item's changes here.
    public let transaction: any StoreTransaction

    init(request: ApprovalRequest, actor: ID<User>, at: Date, transaction: any StoreTransaction) {
        self.request = request
        self.actor = actor
        self.at = at
        self.transaction = transaction
    }
}
