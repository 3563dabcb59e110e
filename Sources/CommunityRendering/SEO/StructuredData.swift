/// JSON-LD for search engines, serialised so that nothing in the data can end the
/// `<script>` element: `<`, `>` and `&` become `\u003c`, `\u003e` and `\u0026`.
public enum StructuredData {
    /// The `<script type="application/ld+json">` element for a value.
    public static func script(_ value: JSONValue) -> HTMLNode {
        .el("script", [HTMLAttribute("type", "application/ld+json")], [.trusted(TrustedHTML(uncheckedMarkup: serialize(value)))])
    }

    /// The JSON text with markup-significant characters escaped.
    public static func serialize(_ value: JSONValue) -> String {
        var out = ""
        for scalar in value.description.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An `Article` object.
    public static func article(headline: String, summary: String, url: String, language: String, modified: String?) -> JSONValue {
        var object: [String: JSONValue] = [
            "@context": "https://schema.org", "@type": "Article", "headline": .string(headline),
            "description": .string(summary), "url": .string(url), "inLanguage": .string(language),
        ]
        if let modified { object["dateModified"] = .string(modified) }
        return .object(object)
    }

    /// A `QAPage` object with the question and its answers (the accepted one marked).
    public static func question(title: String, text: String, url: String, answers: [(text: String, accepted: Bool)]) -> JSONValue {
        var question: [String: JSONValue] = [
            "@type": "Question", "name": .string(title), "text": .string(text), "answerCount": .number(Double(answers.count)),
        ]
        let accepted = answers.filter(\.accepted).map { JSONValue.object(["@type": "Answer", "text": .string($0.text)]) }
        let suggested = answers.filter { !$0.accepted }.map { JSONValue.object(["@type": "Answer", "text": .string($0.text)]) }
        if let first = accepted.first { question["acceptedAnswer"] = first }
        if !suggested.isEmpty { question["suggestedAnswer"] = .array(suggested) }
        return .object(["@context": "https://schema.org", "@type": "QAPage", "url": .string(url), "mainEntity": .object(question)])
    }
}
