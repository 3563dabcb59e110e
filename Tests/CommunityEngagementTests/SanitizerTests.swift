import Foundation
import Testing

@testable import CommunityEngagement

@Suite struct SanitizerTests {
    let sanitizer = RichTextSanitizer()

    func clean(_ s: String) throws -> String { try sanitizer.sanitize(s).html }

    @Test func keepsAllowedFormatting() throws {
        #expect(try clean("<p>Hello <b>bold</b> <em>and</em> <a href=\"https://x.org/a?b=1&amp;c=2\">link</a></p>")
            == "<p>Hello <b>bold</b> <em>and</em> <a href=\"https://x.org/a?b=1&amp;c=2\" rel=\"nofollow noopener ugc\">link</a></p>")
        #expect(try clean("<ul><li>one<li>two</ul>") == "<ul><li>one<li>two</li></li></ul>")
        #expect(try clean("a<br>b<br/>c") == "a<br>b<br>c")
    }

    @Test func escapesText() throws {
        #expect(try clean("1 < 2 & 3 > 2 \"q\" 'a'") == "1 &lt; 2 &amp; 3 &gt; 2 &quot;q&quot; &#39;a&#39;")
        #expect(try clean("&lt;script&gt;alert(1)&lt;/script&gt;") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(try clean("Fußball &auml; 한국어") == "Fußball ä 한국어")
    }

    static let hostile: [String] = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</script>",
        "<script>document.write('</scr'+'ipt>')</script>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\">",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"\u{1}javascript:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=javascript&colon;alert(1)>x</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p style=\"color:red\" onclick=\"alert(1)\" class=\"x\">x</p>",
        "<svg onload=alert(1)><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><mtext><img src=x onerror=alert(1)></mtext></math>",
        "<iframe src=\"https://evil\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\">",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<body onload=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<!--<script>alert(1)</script>-->",
        "<!--><script>alert(1)</script>-->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<a href=\"https://ok\" onmouseover=\"alert(1)\">x</a>",
        "<a onmouseover=alert(1) href=https://ok>x</a>",
        "<a href='x' \"onclick=alert(1)\">x</a>",
        "<img src=\"x\" alt=\"\" onerror=\"alert(1)\"/>",
        "<img/src=x/onerror=alert(1)>",
        "<a/href=\"javascript:alert(1)\">x</a>",
        "<<script>alert(1)//<</script>",
        "<p title=\"\"><img src=x onerror=alert(1)>\"></p>",
        "<textarea><script>alert(1)</script></textarea>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<a href=\"JAVASCRIPT:alert(1)\">x</a>",
        "<img src=\"mailto:x@y.z\">",
        "<p onclick",
        "<a href=\"javascript:alert(1)",
        "<scr\u{0}ipt>alert(1)</scr\u{0}ipt>",
        "<template><script>alert(1)</script></template>",
    ]

    @Test(arguments: hostile) func neutralisesHostileInput(_ input: String) throws {
        let out = try clean(input).lowercased()
        #expect(!out.contains("<script"), "script survived: \(out)")
        #expect(!out.contains("javascript:"), "javascript: survived: \(out)")
        #expect(!out.contains("vbscript:"))
        #expect(!out.contains("data:"))
        for bad in [" on", "style=", "<iframe", "<svg", "<math", "<object", "<embed", "<style", "<form", "<input",
            "<meta", "<base", "<link", "<body", "<textarea", "<template", "srcdoc", "xlink"]
        {
            // Outside markup (escaped text) these are harmless; check only inside tags.
            for tag in Self.tags(of: out) { #expect(!tag.contains(bad), "\(bad) in \(tag) from \(input)") }
        }
        // Every tag that survived is on the allowlist.
        for tag in Self.tags(of: out) {
            let name = tag.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
            #expect(RichTextPolicy.standard.elements[String(name)] != nil, "\(name) not allowed: \(out)")
        }
        // Sanitising is idempotent.
        #expect(try clean(out) == out)
    }

    /// The `<…>` spans of sanitised output (its only real tags: text has `<` escaped).
    static func tags(of html: String) -> [String] {
        var tags: [String] = []
        var current: String?
        for c in html {
            if c == "<" { current = "" }
            if current != nil { current!.append(c) }
            if c == ">", let t = current {
                tags.append(t)
                current = nil
            }
        }
        return tags
    }

    @Test func safeLinksAreKept() throws {
        #expect(try clean("<a href=\"/help/faq\">x</a>").contains("href=\"/help/faq\""))
        #expect(try clean("<a href=\"mailto:help@x.org\">x</a>").contains("mailto:help@x.org"))
        #expect(try clean("<a href=\"http://x.org\">x</a>").contains("http://x.org"))
        #expect(try clean("<a href=\"faq#top\">x</a>").contains("faq#top"))
        #expect(try clean("<img src=\"https://x.org/a.png\" alt=\"a\">") == "<img src=\"https://x.org/a.png\" alt=\"a\">")
        #expect(SafeLink.isSafe("HTTPS://x") && SafeLink.isSafe("?q=1") && !SafeLink.isSafe("ftp://x"))
        #expect(!SafeLink.isSafe("") && !SafeLink.isSafe(" \t"))
    }

    @Test func droppedElementsLoseContentUnknownKeepText() throws {
        #expect(try clean("a<script>b</script>c") == "ac")
        #expect(try clean("<div><font color=red>kept</font></div>") == "kept")
        #expect(try clean("<style>x{}</style>y") == "y")
        #expect(try clean("<p>unclosed <b>bold") == "<p>unclosed <b>bold</b></p>")
        #expect(try clean("</b>stray end</p>") == "stray end")
        #expect(try clean("<b><i>x</b>y</i>") == "<b><i>x</i></b>y")
    }

    @Test func depthAndLengthLimits() throws {
        let deep = String(repeating: "<b>", count: 100) + "x"
        let out = try clean(deep)
        #expect(out.components(separatedBy: "<b>").count - 1 == RichTextPolicy.standard.maxDepth)
        let long = String(repeating: "a", count: RichTextPolicy.standard.maxLength + 1)
        #expect(throws: RichTextError.tooLong(field: "body", limit: 100_000, actual: 100_001)) {
            try sanitizer.sanitize(long)
        }
    }

    @Test func plainTextStripsMarkup() {
        #expect(RichTextSanitizer.plainText("<p>Hi <b>there</b></p><p>two<script>x</script></p>") == "Hi there\ntwo")
        #expect(RichTextSanitizer.plainText("a &lt; b") == "a < b")
    }

    @Test func characterReferences() {
        #expect(CharacterReferences.decode("&#0;&#xD800;&#1114112;", inAttribute: false) == "\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(CharacterReferences.decode("&unknown; &amp", inAttribute: false) == "&unknown; &")
        #expect(CharacterReferences.decode("&amp", inAttribute: true) == "&amp")
    }
}
