public import Foundation

/// A lead offered to the viewer's partner account, waiting for an answer.
public struct LeadOfferSummary: Sendable, Hashable {
    /// The lead's id (what the accept and decline forms send).
    public var leadID: String
    /// The lead's company, when the viewer may read the lead.
    public var company: String?
    /// The lead's contact name, when the viewer may read the lead.
    public var contact: String?
    /// When the offer lapses and the lead returns to the pool.
    public var expires: Date

    /// A summary.
    public init(leadID: String, company: String?, contact: String?, expires: Date) {
        self.leadID = leadID
        self.company = company
        self.contact = contact
        self.expires = expires
    }
}
