public import CommunityModel

extension CaseService {
    /// The sharing reason of the share that keeps a case readable by the member who raised it.
    public static let raiserShareCause = RecordShare.Cause.programmatic("CaseRaiser")

    /// The id of the share that lets the member who raised `caseID` keep reading it.
    public static func raiserShareID(of caseID: ID<Case>) -> ID<RecordShare> {
        ID(sanitizing: "case-raiser-" + caseID.rawValue)
    }

    /// Keeps a case readable by the member who raised it once assignment hands it to someone
    /// else (a queue, a support agent): a programmatic read share to the raiser, which survives
    /// later owner changes (an agent picking the case from a queue). Salesforce portal users keep
    /// seeing the cases they raised in the same way (the case's contact). Nothing is written
    /// when the raiser still owns the case.
    func shareWithRaiser(_ record: Case, raisedBy: ID<User>?, in tx: any StoreTransaction) throws {
        guard let raisedBy, record.owner != .user(raisedBy) else { return }
        try tx.put(RecordShare(
            id: Self.raiserShareID(of: record.id), object: Case.entityType, recordID: record.id.rawValue,
            sharedWith: .user(raisedBy), accessLevel: .read, cause: Self.raiserShareCause))
    }
}
