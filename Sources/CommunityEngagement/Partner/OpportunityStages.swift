/// The sales stages a site uses, each with its win probability.
public struct OpportunityStages: Hashable, Sendable, Codable {
    /// One stage.
    public struct Stage: Hashable, Sendable, Codable {
        /// The stage's name, such as `Proposal`.
        public var name: String
        /// Win probability in percent, 0 to 100.
        public var probability: Int
        /// Whether the stage ends the deal.
        public var isClosed: Bool
        /// Whether the stage is a win.
        public var isWon: Bool

        /// Creates a stage.
        public init(name: String, probability: Int, isClosed: Bool = false, isWon: Bool = false) {
            self.name = name
            self.probability = probability
            self.isClosed = isClosed
            self.isWon = isWon
        }
    }

    /// The stages, in pipeline order.
    public var stages: [Stage]

    /// Creates stages; names must be unique and probabilities within 0...100.
    public init(_ stages: [Stage]) throws(PartnerError) {
        guard Set(stages.map(\.name)).count == stages.count, !stages.isEmpty,
            stages.allSatisfy({ (0...100).contains($0.probability) })
        else { throw .invalidConfiguration("stages need unique names and probabilities in 0...100") }
        self.stages = stages
    }

    private init(unchecked stages: [Stage]) { self.stages = stages }

    /// Prospecting 10, Qualification 20, Needs Analysis 40, Proposal 60, Negotiation 80,
    /// Closed Won 100, Closed Lost 0.
    public static let standard = OpportunityStages(unchecked: [
        Stage(name: "Prospecting", probability: 10), Stage(name: "Qualification", probability: 20),
        Stage(name: "Needs Analysis", probability: 40), Stage(name: "Proposal", probability: 60),
        Stage(name: "Negotiation", probability: 80), Stage(name: "Closed Won", probability: 100, isClosed: true, isWon: true),
        Stage(name: "Closed Lost", probability: 0, isClosed: true),
    ])

    /// The stage with this name.
    public func stage(named name: String) -> Stage? { stages.first { $0.name == name } }
}
