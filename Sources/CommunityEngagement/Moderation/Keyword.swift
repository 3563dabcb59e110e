/// A word or phrase a ``ModerationRule`` looks for, and how it may appear.
public struct Keyword: Hashable, Sendable, Codable {
    /// How a keyword matches the words of a text.
    public enum Matching: String, Hashable, Sendable, Codable, CaseIterable {
        /// The whole word, allowing inflection the language attaches: Korean particles
        /// (`바보는`, `바보에서`), German/English endings (`Idioten`, `idiots`).
        case word
        /// As a word or as a part of a compound word (`Vollidiot`, `Idiotenclub`): for German.
        case compound
    }

    /// The text as configured.
    public var text: String
    /// How it matches.
    public var matching: Matching

    /// Creates a keyword.
    public init(_ text: String, matching: Matching = .word) {
        self.text = text
        self.matching = matching
    }
}
