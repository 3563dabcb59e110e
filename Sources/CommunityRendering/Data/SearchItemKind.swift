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
    public func singularLabel(locale: String) -> String {
        let language = locale.prefix(2)
        switch (self, language) {
        case (.article, "de"): return "Artikel"
        case (.article, "ko"): return "문서"
        case (.article, _): return "Article"
        case (.question, "de"): return "Frage"
        case (.question, "ko"): return "질문"
        case (.question, _): return "Question"
        case (.idea, "de"): return "Idee"
        case (.idea, "ko"): return "아이디어"
        case (.idea, _): return "Idea"
        case (.discussion, "de"): return "Diskussion"
        case (.discussion, "ko"): return "토론"
        case (.discussion, _): return "Discussion"
        case (.file, "de"): return "Datei"
        case (.file, "ko"): return "파일"
        case (.file, _): return "File"
        }
    }

    /// The heading shown for the kind, in the viewer's language.
    public func label(locale: String) -> String {
        let language = locale.prefix(2)
        switch (self, language) {
        case (.article, "de"): return "Artikel"
        case (.article, "ko"): return "문서"
        case (.article, _): return "Articles"
        case (.question, "de"): return "Fragen"
        case (.question, "ko"): return "질문"
        case (.question, _): return "Questions"
        case (.idea, "de"): return "Ideen"
        case (.idea, "ko"): return "아이디어"
        case (.idea, _): return "Ideas"
        case (.discussion, "de"): return "Diskussionen"
        case (.discussion, "ko"): return "토론"
        case (.discussion, _): return "Discussions"
        case (.file, "de"): return "Dateien"
        case (.file, "ko"): return "파일"
        case (.file, _): return "Files"
        }
    }
}
