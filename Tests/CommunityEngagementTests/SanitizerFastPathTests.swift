import CommunityTesting
import Testing

@testable import CommunityEngagement

/// The sanitiser's fast paths (text needing no escaping, text runs built in one go) agree with
/// plain reference implementations on random input.
@Suite struct SanitizerFastPathTests {

    static let pieces = ["a", "Z", " ", "&", "<", ">", "\"", "'", "\u{0}", "é", "한", "👍🏽", "&amp;", "&#60;", "<p>", "</p>",
                         "<b>", "</b>", "<a href=\"https://x.org\">", "</a>", "<script>", "</script>", "\n", "@bob"]

    static func referenceEscape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    @Test func escapeAgreesWithTheReference() {
        var random = SeededRandom(seed: 17)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0..<12, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            #expect(CharacterReferences.escape(text) == Self.referenceEscape(text))
        }
    }

    @Test func textTokensKeepEveryScalar() {
        var random = SeededRandom(seed: 5)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1..<10, using: &random)).map { _ in ["a", "é", "한", "👍🏽", " ", "\n", "x y"].randomElement(using: &random)! }.joined()
            #expect(HTMLTokenizer.tokens(text) == [.text(text)])
            #expect(HTMLTokenizer.tokens("<p>\(text)</p>") == [.start(name: "p", attributes: [], selfClosing: false), .text(text), .end(name: "p")])
        }
    }

    @Test func mentionParsingWithoutAnAtSignFindsNothing() {
        #expect(MentionParser.parse("no mentions here, mail me at example.com").isEmpty)
        #expect(MentionParser.parse("ping @alice") == [.handle("alice")])
    }
}

/// Topic folding's fast path returns what the full folding would.
@Suite struct TopicFoldingFastPathTests {
    static func reference(_ topic: String) -> String {
        topic.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    @Test func fastPathAgreesWithFullFolding() {
        var random = SeededRandom(seed: 99)
        let pieces = ["a", "z", "0", "9", "-", "_", ".", " ", "  ", "\t", "\n", "A", "Ä", "é", "한", "swift", "Swift UI", "#"]
        for _ in 0..<5_000 {
            let topic = (0..<Int.random(in: 0..<6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(Topics.normalise(topic) == Self.reference(topic), "\(topic.debugDescription)")
        }
        #expect(Topics.isNormalisedASCII("swift ui"))
        #expect(!Topics.isNormalisedASCII("swift  ui"))
        #expect(!Topics.isNormalisedASCII(" swift"))
        #expect(!Topics.isNormalisedASCII("swift "))
        #expect(!Topics.isNormalisedASCII(""))
    }
}

/// Sanitising with plain text in one pass gives what sanitising and then reading the output's
/// plain text gives, for the standard policy and for policies that allow unusual elements.
@Suite struct SanitizerPlainTextPassTests {
    static let pieces = [
        "hello", " ", "  ", "\n", "\r\n", "&amp;", "&lt;b&gt;", "&", "&amp", "&#0;", "\u{0}", "é", "👍🏽", "<", ">", "a < b",
        "<p>", "</p>", "<br>", "<br/>", "<div>", "</div>", "<li>", "<ul>", "</ul>", "<b>", "</b>", "<h2>", "</h2>",
        "<pre>", "<blockquote>", "<hr>", "<img src=\"https://x.org/a.png\">", "<img>", "<a href=\"javascript:x\">", "<a href=\"/ok\">",
        "</a>", "<script>alert(1)</script>", "<style>p{}</style>", "<textarea>", "</textarea>", "<title>t</title>", "<!-- c -->",
        "<svg><p>x</p></svg>", "<span>", "</span>", "<p class=x>", "<tr>", "<xmp>", "</xmp>", "<noscript>n</noscript>",
    ]

    static let permissive = RichTextPolicy(
        elements: ["p": [], "div": [], "b": [], "textarea": [], "style": [], "title": [], "tr": [], "li": [], "br": []],
        droppedWithContent: ["script"], urlAttributes: ["href", "src"], maxLength: 100_000, maxDepth: 4)

    @Test(arguments: [RichTextPolicy.standard, SanitizerPlainTextPassTests.permissive])
    func onePassAgreesWithTwo(policy: RichTextPolicy) throws {
        var random = SeededRandom(seed: 2024)
        let sanitizer = RichTextSanitizer(policy: policy)
        for _ in 0..<3_000 {
            let input = (0..<Int.random(in: 0..<14, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let html = try sanitizer.sanitize(input)
            let both = try sanitizer.sanitizeWithPlainText(input)
            #expect(both.html == html, "\(input.debugDescription)")
            #expect(both.plainText == RichTextSanitizer.plainText(html.html), "\(input.debugDescription)")
        }
    }
}
