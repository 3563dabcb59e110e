/// The kinds of item site search and topic pages show, in the order they are listed.
public enum SearchItemKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A knowledge article (linked to the article page by its slug).
    case article
    /// A question (linked to the question page by its id).
    case question
    /// An idea (linked to the ideas page).
    case idea
    /// A feed post.
    case discussion
    /// A file.
    case file

    /// "All" (every kind), in the viewer's language.
    public static func allLabel(locale: String) -> String {
        switch locale.prefix(2) {
        case "de": "Alle"
        case "ko": "전체"
        default: "All"
        }
    }

    /// The label of the kind filter, in the viewer's language.
    public static func filterLabel(locale: String) -> String {
        switch locale.prefix(2) {
        case "de": "Art"
        case "ko": "유형"
        default: "Type"
        }
    }

    /// The button that applies the kind filter, in the viewer's language.
    public static func applyLabel(locale: String) -> String {
        switch locale.prefix(2) {
        case "de": "Filtern"
        case "ko": "필터"
        default: "Filter"
        }
    }

    /// One item of the kind ("Question"), in the viewer's language: the label a mixed list
    /// puts above each item.
    public func singularLabel(locale: String) -> String { names(language: locale.prefix(2)).one }

    /// The heading shown for the kind, in the viewer's language.
    public func label(locale: String) -> String { names(language: locale.prefix(2)).many }

    /// The kind's name for one item and for several, in German, Korean or (otherwise) English.
    private func names(language: Substring) -> (one: String, many: String) {
        switch (self, language) {
        case (.article, "de"): ("Artikel", "Artikel")
        case (.article, "ko"): ("문서", "문서")
        case (.article, _): ("Article", "Articles")
        case (.question, "de"): ("Frage", "Fragen")
        case (.question, "ko"): ("질문", "질문")
        case (.question, _): ("Question", "Questions")
        case (.idea, "de"): ("Idee", "Ideen")
        case (.idea, "ko"): ("아이디어", "아이디어")
        case (.idea, _): ("Idea", "Ideas")
        case (.discussion, "de"): ("Diskussion", "Diskussionen")
        case (.discussion, "ko"): ("토론", "토론")
        case (.discussion, _): ("Discussion", "Discussions")
        case (.file, "de"): ("Datei", "Dateien")
        case (.file, "ko"): ("파일", "파일")
        case (.file, _): ("File", "Files")
        }
    }
}
