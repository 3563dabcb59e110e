/// What the lead conversion form offers for one lead.
public struct LeadConversionOptions: Sendable, Hashable {
    /// The lead id.
    public var leadID: String
    /// The opportunity name proposed (`Company – Product`).
    public var proposedName: String
    /// The opportunity stages to choose from, in pipeline order (open stages only).
    public var stages: [String]

    /// Options.
    public init(leadID: String, proposedName: String, stages: [String]) {
        self.leadID = leadID
        self.proposedName = proposedName
        self.stages = stages
    }
}
