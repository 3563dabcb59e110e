public import CommunityModel

/// What a member fills in on the portal's "new case" form.
public struct CaseDraft: Hashable, Sendable {
    /// A one-line summary.
    public var subject: String
    /// The full description.
    public var description: String
    /// Product the case is about.
    public var product: String?
    public var priority: Case.Priority
    /// Files to attach.
    public var attachments: [CaseAttachmentUpload]
    /// Custom field values.
    public var customFields: [String: FieldValue]
    /// The site the case (or deflection visit) is made in; `nil` when the host makes it outside any site.
    public var site: String?

    /// Creates a draft.
    public init(
        subject: String, description: String = "", product: String? = nil, priority: Case.Priority = .medium,
        attachments: [CaseAttachmentUpload] = [], customFields: [String: FieldValue] = [:], site: String? = nil
    ) {
        self.subject = subject
        self.description = description
        self.product = product
        self.priority = priority
        self.attachments = attachments
        self.customFields = customFields
        self.site = site
    }
}
