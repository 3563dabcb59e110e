/// Why a knowledge operation was refused. Nothing is written when one is thrown.
public enum KnowledgeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The title is empty or white space.
    case missingTitle(locale: String)
    /// A field is longer than allowed.
    case fieldTooLong(field: String, limit: Int, actual: Int)
    /// A category id that does not exist.
    case unknownCategory(String)
    /// No article with this id.
    case unknownArticle(String)
    /// No version with this number in this locale.
    case unknownVersion(article: String, locale: String, number: Int)
    /// The article has no version in this locale.
    case unknownLocale(article: String, locale: String)
    /// The locale text is not a locale such as `de_DE`.
    case invalidLocale(String)
    /// A lifecycle step that the state does not allow (archiving a draft, publishing an archived version).
    case illegalTransition(article: String, locale: String, from: ArticleVersion.Status, action: String)
    /// The slug is taken by another article in this locale.
    case duplicateSlug(slug: String, locale: String, takenBy: String)
    /// A slug that is empty after normalisation or contains characters a slug may not hold.
    case invalidSlug(String)
    /// The user may not author or publish knowledge (lacks manageKnowledge).
    case notAllowed(user: String, action: String)
    /// A translation in the master locale, or one that already exists.
    case translationExists(article: String, locale: String)
    /// The article needs at least one channel.
    case noChannel
    /// A rating outside its scale.
    case invalidRating(String)

    public var description: String {
        switch self {
        case .missingTitle(let locale): "the \(locale) version needs a title"
        case .fieldTooLong(let field, let limit, let actual): "\(field) has \(actual) characters, at most \(limit) allowed"
        case .unknownCategory(let id): "no data category \(id.debugDescription)"
        case .unknownArticle(let id): "no article \(id.debugDescription)"
        case .unknownVersion(let article, let locale, let number): "article \(article) has no \(locale) version \(number)"
        case .unknownLocale(let article, let locale): "article \(article) has no \(locale) version"
        case .invalidLocale(let text): "\(text.debugDescription) is not a locale"
        case .illegalTransition(let article, let locale, let from, let action):
            "cannot \(action) the \(from.rawValue) \(locale) version of article \(article)"
        case .duplicateSlug(let slug, let locale, let takenBy): "slug \(slug) (\(locale)) belongs to article \(takenBy)"
        case .invalidSlug(let text): "\(text.debugDescription) is not a valid slug"
        case .notAllowed(let user, let action): "user \(user) may not \(action)"
        case .translationExists(let article, let locale): "article \(article) already has a \(locale) version"
        case .noChannel: "an article needs at least one channel"
        case .invalidRating(let detail): "invalid rating: \(detail)"
        }
    }
}
