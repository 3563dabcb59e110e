/// Why a ``SynonymGroup`` was refused; nothing is written when one is thrown.
public enum SynonymGroupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which list of the group a problem is in.
    public enum Field: String, Hashable, Sendable {
        /// ``SynonymGroup/terms``.
        case terms
        /// ``SynonymGroup/targets``.
        case targets
    }

    /// A term has no word once punctuation and spaces are dropped.
    case emptyTerm(field: Field, index: Int)
    /// More terms than ``SynonymGroup/maximumTerms``.
    case tooManyTerms(field: Field, count: Int, limit: Int)
    /// A term longer than ``SynonymGroup/maximumTermCharacters``.
    case termTooLong(field: Field, index: Int, characters: Int, limit: Int)
    /// A term with more words than ``SynonymGroup/maximumTermWords``.
    case tooManyWords(field: Field, index: Int, words: Int, limit: Int)
    /// A term holds a control character.
    case controlCharacter(field: Field, index: Int)
    /// A group needs at least `minimum` terms (two-way: 2, one-way: 1).
    case tooFewTerms(count: Int, minimum: Int)
    /// A one-way group without targets.
    case missingTarget
    /// A two-way group with targets (targets belong to one-way groups).
    case targetsInTwoWayGroup
    /// The locale is not a short language tag such as `en_US`, `de` or `ko-KR`.
    case invalidLocale(String)
    /// No group has this id.
    case unknownGroup(String)

    /// The list the problem is in, if any (for a form's field errors).
    public var field: Field? {
        switch self {
        case .emptyTerm(let f, _), .tooManyTerms(let f, _, _), .termTooLong(let f, _, _, _), .tooManyWords(let f, _, _, _),
            .controlCharacter(let f, _):
            f
        case .tooFewTerms: .terms
        case .missingTarget, .targetsInTwoWayGroup: .targets
        case .invalidLocale, .unknownGroup: nil
        }
    }

    public var description: String {
        switch self {
        case .emptyTerm(let f, let i): "\(f.rawValue)[\(i)] is empty"
        case .tooManyTerms(let f, let n, let limit): "\(n) \(f.rawValue), at most \(limit) allowed"
        case .termTooLong(let f, let i, let n, let limit): "\(f.rawValue)[\(i)] has \(n) characters, at most \(limit) allowed"
        case .tooManyWords(let f, let i, let n, let limit): "\(f.rawValue)[\(i)] has \(n) words, at most \(limit) allowed"
        case .controlCharacter(let f, let i): "\(f.rawValue)[\(i)] holds a control character"
        case .tooFewTerms(let n, let minimum): "\(n) terms, at least \(minimum) needed"
        case .missingTarget: "a one-way group needs at least one target"
        case .targetsInTwoWayGroup: "a two-way group has no targets"
        case .invalidLocale(let l): "\(l.debugDescription) is not a locale"
        case .unknownGroup(let id): "no synonym group \(id.debugDescription)"
        }
    }
}
