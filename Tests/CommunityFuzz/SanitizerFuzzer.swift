import CommunityKit
import CommunityTesting
import Foundation
import FuzzSupport

/// Generates and mutates HTML for ``RichTextSanitizer``: its output must hold nothing
/// executable, and sanitising the output again must change nothing.
struct SanitizerFuzzer {
    let run: FuzzRun

    static let tags = [
        "p", "a", "img", "b", "strong", "i", "em", "ul", "ol", "li", "blockquote", "code", "pre", "h2", "h3", "span", "br", "hr",
        "div", "table", "td", "script", "SCRIPT", "style", "iframe", "object", "embed", "svg", "math", "animate", "set", "use", "foreignObject",
        "textarea", "title", "xmp", "noscript", "template", "base", "meta", "link", "form", "input", "button", "select", "option", "plaintext",
        "frameset", "frame", "applet", "video", "audio", "source", "details", "marquee", "body", "html", "head", "x-y", "a:b", "p/", "",
    ]
    static let attributes = [
        "href", "src", "alt", "title", "width", "height", "style", "class", "onerror", "onload", "ONCLICK", "onmouseover", "formaction",
        "action", "xlink:href", "srcset", "data", "http-equiv", "content", "type", "rel", "target", "srcdoc", "background", "poster", "on", "/",
    ]
    static let urls = [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "java&#x09;script:alert(1)", "&#106;avascript:alert(1)",
        "&#x6A;avascript&colon;alert(1)", "javascript&#58;alert(1)", " \u{1}javascript:alert(1)", "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data:image/svg+xml,<svg onload=alert(1)>", "https://example.com/x?a=1&b=2",
        "/relative/path", "#frag", "?q=1", "mailto:a@b.example", "//evil.example", "\\\\evil.example", "http:\\\\x", "jav\u{0}ascript:alert(1)",
        "&#0000106avascript:alert(1)", "&#x6a", "javascript\u{FEFF}:alert(1)",
    ]

    func fuzz() throws {
        let sanitizer = RichTextSanitizer()
        var mutator = Mutator(random: SeededRandom(seed: run.seed ^ 0x5341_4E49_5449))
        var corpus: [String] = [
            "<p>Hello <b>world</b></p>", "<a href=\"https://example.com\">x</a>", "<img src=\"/a.png\" alt=\"a\">",
            "<scr<script>ipt>alert(1)</script>", "<svg><script>alert(1)</script></svg>", "<!--<script>-->alert(1)",
            "<![CDATA[<script>alert(1)</script>]]>", "<a href=\"javascript:alert(1)\">x</a>", "<p style=\"width:expression(alert(1))\">x</p>",
            "<textarea><script>alert(1)</script></textarea>", "<title><script>alert(1)</script></title>", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        ]
        for iteration in 0..<run.iterations {
            var input: String
            switch mutator.random.below(3) {
            case 0: input = generate(&mutator, depth: 0)
            case 1: input = splice(mutator.random.pick(corpus, or: ""), generate(&mutator, depth: 2), &mutator)
            default: input = mutator.mutate(mutator.random.pick(corpus, or: ""))
            }
            if mutator.random.oneIn(10) { input = String(repeating: input, count: 2 + mutator.random.below(100)) }
            if run.avoids(input) { continue }
            run.trying("sanitizer", input.debugDescription)
            guard let first = try? sanitizer.sanitize(input) else { continue }  // tooLong is a typed refusal
            for finding in ExecutableContentChecker.findings(in: first.html) {
                run.report(.init(target: "sanitizer", kind: "executable output", detail: finding.description + " in " + first.html.prefix(300).debugDescription, input: input.debugDescription))
            }
            run.trying("sanitizer", "second pass of " + first.html.debugDescription)
            let second = (try? sanitizer.sanitize(first.html))?.html
            if second != first.html {
                run.report(.init(target: "sanitizer", kind: "not idempotent",
                                 detail: "first \(first.html.prefix(300).debugDescription) then \((second ?? "<threw>").prefix(300).debugDescription)", input: input.debugDescription))
            }
            if iteration % 7 == 0, corpus.count < 200, input.utf8.count < 4_000 { corpus.append(input) }
        }
    }

    /// Random markup: tags (allowed and not), attributes with hostile URLs and handlers,
    /// entities, comments, CDATA, broken tags and text.
    private func generate(_ mutator: inout Mutator, depth: Int) -> String {
        var out = ""
        for _ in 0..<(1 + mutator.random.below(depth > 3 ? 2 : 6)) {
            switch mutator.random.below(12) {
            case 0, 1, 2, 3:
                let tag = mutator.random.pick(Self.tags, or: "p")
                out += "<" + tag
                for _ in 0..<mutator.random.below(4) { out += attribute(&mutator) }
                out += mutator.random.pick([">", "/>", " >", "", "\t>", "//>"], or: ">")
                if depth < 6 { out += generate(&mutator, depth: depth + 1) }
                if !mutator.random.oneIn(4) { out += "</" + mutator.random.pick([tag, tag.uppercased(), tag + " ", mutator.random.pick(Self.tags, or: "p")], or: tag) + ">" }
            case 4: out += mutator.random.pick(["&amp;", "&lt;", "&#60;", "&#x3C;", "&#0;", "&#xD800;", "&#1114112;", "&#99999999999;", "&lt", "&unknown;", "&", "&#", "&#x", "&colon;", "&nbsp;"], or: "&")
            case 5: out += mutator.random.pick(["<!-- x -->", "<!--", "-->", "<!-->", "<!--->", "--!>", "<!-- a --!> b -->", "<!DOCTYPE html>", "<?xml x?>", "<![CDATA[", "]]>", "<![CDATA[x]]>"], or: "<!--")
            case 6: out += mutator.random.pick(["<", ">", "</", "<a", "<a href=", "< p>", "<p <b>", "\"", "'", "=", "</>", "<//p>", "<p\u{0}>", "<\u{0}script>"], or: "<")
            case 7: out += mutator.randomText(length: mutator.random.below(12))
            default: out += mutator.random.pick(["text", "more text ", "한국어", "🙂", "\u{0}", "\r\n", " ", "alert(1)"], or: "x")
            }
        }
        return out
    }

    private func attribute(_ mutator: inout Mutator) -> String {
        let name = mutator.random.pick(Self.attributes, or: "href")
        let value: String
        switch mutator.random.below(4) {
        case 0, 1: value = mutator.random.pick(Self.urls, or: "")
        case 2: value = mutator.random.pick(["alert(1)", "x:expression(alert(1))", "background:url(javascript:alert(1))", "refresh", "0;url=javascript:alert(1)", "\"><script>alert(1)</script>", "' onload='x"], or: "")
        default: value = mutator.value()
        }
        switch mutator.random.below(4) {
        case 0: return " \(name)=\"\(value.replacingOccurrences(of: "\"", with: "&quot;"))\""
        case 1: return " \(name)='\(value)'"
        case 2: return " \(name)=\(value)"
        default: return mutator.random.oneIn(2) ? " \(name)" : "/\(name)=\(value)"
        }
    }

    /// `base` with `insert` placed at a random point.
    private func splice(_ base: String, _ insert: String, _ mutator: inout Mutator) -> String {
        let scalars = Array(base.unicodeScalars)
        let at = mutator.random.below(scalars.count + 1)
        return String(String.UnicodeScalarView(scalars[..<at])) + insert + String(String.UnicodeScalarView(scalars[at...]))
    }
}
