import FuzzSupport
import Testing

@Suite struct ExecutableContentCheckerTests {
    static let vectors: [(html: String, rule: ExecutableContentFinding.Rule)] = [
        ("<script>alert(1)</script>", .script),
        ("<p>x</p><SCRIPT SRC=//evil.example/x.js></SCRIPT>", .script),
        ("<script type=\"text/javascript\">alert(1)</script>", .script),
        ("<script type=\"application/ld+json\"><!--<script>alert(1)</script>", .script),
        ("<!-- c --><script>1</script>", .script),
        ("<![CDATA[><script>alert(1)</script>]]>", .script),
        ("<title></title><script>1</script>", .script),
        ("<svg><script>alert(1)</script></svg>", .script),
        ("<img src=x onerror=alert(1)>", .eventHandler),
        ("<body ONLOAD=\"go()\">", .eventHandler),
        ("<div/onmouseover='x'>", .eventHandler),
        ("<svg><animate onbegin=alert(1) /></svg>", .eventHandler),
        ("<a href=\"javascript:alert(1)\">x</a>", .unsafeURL),
        ("<a href=\" JaVaScRiPt:alert(1)\">x</a>", .unsafeURL),
        ("<a href=\"java\tscript:alert(1)\">x</a>", .unsafeURL),
        ("<a href=\"&#106;avascript&colon;alert(1)\">x</a>", .unsafeURL),
        ("<a href=\"&#x6A;&#x61;vascript:alert(1)\">x</a>", .unsafeURL),
        ("<a href=vbscript:msgbox(1)>x</a>", .unsafeURL),
        ("<a href='data:text/html,<script>alert(1)</script>'>x</a>", .unsafeURL),
        ("<form action=\"javascript:alert(1)\"></form>", .unsafeURL),
        ("<button formaction=javascript:alert(1)>x</button>", .unsafeURL),
        ("<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>", .unsafeURL),
        ("<img srcset=\"/a.png 1x, javascript:alert(1) 2x\">", .unsafeURL),
        ("<img src=\"data:image/svg+xml,<svg/onload=alert(1)>\">", .unsafeURL),
        ("<iframe src=\"/x\"></iframe>", .embeddingElement),
        ("<object data=\"/x.swf\"></object>", .embeddingElement),
        ("<embed src=\"/x.swf\">", .embeddingElement),
        ("<base href=\"https://evil.example/\">", .embeddingElement),
        ("<meta http-equiv=\"Refresh\" content=\"0;url=https://evil.example\">", .metaRefresh),
        ("<div style=\"width: expression(alert(1))\">", .scriptInStyle),
        ("<div style=\"background:url( 'javascript:alert(1)')\">", .scriptInStyle),
        ("<div style=\"width: ex/**/pression(alert(1))\">", .scriptInStyle),
        ("<style>body { background: url(javascript:alert(1)) }</style>", .scriptInStyle),
    ]

    @Test(arguments: 0..<vectors.count)
    func flagsKnownVector(_ index: Int) {
        let (html, rule) = Self.vectors[index]
        let findings = ExecutableContentChecker.findings(in: html)
        #expect(findings.contains { $0.rule == rule }, "\(html) gave \(findings)")
    }

    static let safe: [String] = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>x &lt;script&gt;</title></head><body><p>Hi</p></body></html>",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<a href=\"/partners/leads?x=1\" rel=\"nofollow\">leads</a><a href=\"https://example.com\">e</a><a href=\"mailto:a@b.example\">m</a>",
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"name\":\"\\u003c/script\\u003e\"}</script>",
        "<textarea name=\"body\"><script>alert(1)</script></textarea>",
        "<!-- <script>alert(1)</script> -->",
        "<p title=\"onload=alert(1)\">javascript:alert(1)</p>",
        "<div data-onclick=\"x\" class=\"online\">onion</div>",
        "<meta name=\"robots\" content=\"noindex\"><meta property=\"og:url\" content=\"javascript:alert(1)\">",
        "<div style=\"color: red; width: 10px\">x</div>",
        "<style>:root { --ck-primary: #0b5cad } body { margin: 0 }</style>",
        "<input name=\"_csrf\" type=\"hidden\" value=\"123.abc\"><form method=\"post\" action=\"/partners/_action/x\"></form>",
    ]

    @Test(arguments: safe)
    func passesSafeHTML(_ html: String) {
        #expect(ExecutableContentChecker.findings(in: html).isEmpty)
    }

    @Test func allowsDataImagesInImgSourceOnlyWhenAsked() {
        let html = "<img src=\"data:image/png;base64,AAAA\">"
        #expect(ExecutableContentChecker.findings(in: html).map(\.rule) == [.unsafeURL])
        #expect(ExecutableContentChecker.findings(in: html, allowDataImages: true).isEmpty)
        #expect(!ExecutableContentChecker.findings(in: "<a href=\"data:image/png;base64,AAAA\">x</a>", allowDataImages: true).isEmpty)
    }

    @Test func reportsEveryFindingInOrder() {
        let findings = ExecutableContentChecker.findings(in: "<iframe></iframe><p onclick=x>p</p><script>1</script>")
        #expect(findings.map(\.rule) == [.embeddingElement, .eventHandler, .script])
        #expect(findings.map(\.element) == ["iframe", "p", "script"])
    }

    @Test func survivesBrokenMarkup() {
        for html in ["<", "<a", "<a href=\"", "<!--", "<script>", "<a href=&#99999999999;>", "&#x;<\u{0}>", "</", "<![CDATA["] {
            _ = ExecutableContentChecker.findings(in: html)
        }
        #expect(ExecutableContentChecker.findings(in: "<a href=\"javascript:").map(\.rule) == [.unsafeURL])
    }
}
