import CommunityRendering
import Testing

@Suite struct HTMLTests {
    @Test func escapesTextAndAttributesAlike() {
        let node = HTMLNode.el("a", [HTMLAttribute("title", "\" onmouseover=\"alert(1)"), .class("x'y")], text: "<b>&amp; 'q'</b>")
        #expect(node.render() == "<a title=\"&quot; onmouseover=&quot;alert(1)\" class=\"x&#39;y\">&lt;b&gt;&amp;amp; &#39;q&#39;&lt;/b&gt;</a>")
    }

    @Test func voidElementsHaveNoEndTag() {
        #expect(HTMLNode.el("br").render() == "<br>")
        #expect(HTMLNode.el("input", [HTMLAttribute(flag: "required")]).render() == "<input required>")
    }

    @Test func trustedMarkupIsTheOnlyRawPath() {
        let node = HTMLNode.fragment([.trusted(TrustedHTML("<hr>")), .text("<hr>")])
        #expect(node.render() == "<hr>&lt;hr&gt;")
    }

    @Test func templateInterpolationsAreEscaped() {
        let hostile = "\" onmouseover=\"alert(1)"
        let html: HTML = "<p class=\"\(hostile)\">\(hostile)</p>"
        #expect(html.markup == "<p class=\"&quot; onmouseover=&quot;alert(1)\">&quot; onmouseover=&quot;alert(1)</p>")
        let nested: HTML = "<div>\(HTMLNode.el("b", text: "<i>"))\(TrustedHTML("<i>ok</i>"))</div>"
        #expect(nested.markup == "<div><b>&lt;i&gt;</b><i>ok</i></div>")
    }

    static let urlTable: [(String, Bool)] = [
        ("/help/article/x", true), ("https://example.com/a?b=c#d", true), ("http://example.com", true),
        ("mailto:help@example.com", true), ("article/x", true), ("?q=1", true), ("#top", true),
        ("javascript:alert(1)", false), ("JaVaScRiPt:alert(1)", false), (" javascript:alert(1)", false),
        ("java\tscript:alert(1)", false), ("data:text/html,<script>", false), ("vbscript:x", false),
        ("https:evil", false), ("/\\evil.com", false), ("", false), ("/a\"onmouseover", false), ("/a<b", false),
    ]

    @Test(arguments: urlTable)
    func safeURLAcceptsOnlyRelativeHTTPAndMailto(_ input: String, _ accepted: Bool) {
        #expect((SafeURL(input) != nil) == accepted, "\(input)")
    }

    @Test func pathSegmentsArePercentEncoded() {
        #expect(SafeURL.path(["article", "한글 & x"], prefix: "/help").string == "/help/article/%ED%95%9C%EA%B8%80%20%26%20x")
    }

    @Test func textContentSkipsTrusted() {
        let node = HTMLNode.el("p", [], [.text("a"), .trusted(TrustedHTML("<b>x</b>")), .el("b", text: "c")])
        #expect(node.textContent == "ac")
    }
}
