import CommunityContent
import Testing

@Suite struct TextAnalysisTests {
    @Test func normalisationFoldsCaseWidthAndUmlauts() {
        #expect(TextNormalizer.normalize("Straße") == "strasse")
        #expect(TextNormalizer.normalize("STRASSE") == "strasse")
        #expect(TextNormalizer.normalize("Rückerstattung") == "rueckerstattung")
        #expect(TextNormalizer.normalize("ÄNDERN") == "aendern")
        #expect(TextNormalizer.normalize("Café") == "cafe")
        #expect(TextNormalizer.normalize("ＡＢＣ") == "abc")  // full width, NFKC
        #expect(TextNormalizer.normalize("ﬁle") == "file")  // ligature, NFKC
        #expect(TextNormalizer.normalize("비밀번호") == "비밀번호")
    }

    @Test func decomposedHangulIsComposed() {
        let decomposed = "\u{1100}\u{1161}"  // ᄀ + ᅡ = 가
        #expect(TextNormalizer.normalize(decomposed) == "가")
    }

    @Test func tokenizerSplitsScriptsAndPunctuation() {
        let text = "Reset iOS앱 password, bitte!"
        let tokens = Tokenizer.tokens(text)
        #expect(tokens.map(\.text) == ["reset", "ios", "앱", "password", "bitte"])
        #expect(tokens.map(\.isHangul) == [false, false, true, false, false])
        #expect(text[tokens[3].range] == "password")
    }

    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("cats", "cat"), ("feed", "feed"), ("agreed", "agre"),
        ("plastered", "plaster"), ("motoring", "motor"), ("sing", "sing"), ("conflated", "conflat"),
        ("hopping", "hop"), ("filing", "file"), ("happy", "happi"), ("relational", "relat"),
        ("conditional", "condit"), ("digitizer", "digit"), ("triplicate", "triplic"), ("hopeful", "hope"),
        ("goodness", "good"), ("revival", "reviv"), ("adjustment", "adjust"), ("adoption", "adopt"),
        ("controll", "control"), ("connections", "connect"), ("connected", "connect"), ("connecting", "connect"),
        ("generalization", "gener"), ("passwords", "password"), ("resetting", "reset"),
    ])
    func porterStemmer(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    @Test func germanStemmerMeetsPluralAndLinkingForms() {
        #expect(GermanStemmer.stem("rechnungen") == "rechnung")
        #expect(GermanStemmer.stem("rechnungs") == "rechnung")
        #expect(GermanStemmer.stem("rechnung") == "rechnung")
        #expect(GermanStemmer.stem("haus") == "haus")
    }

    @Test func hangulBigramsAndParticles() {
        #expect(HangulText.bigrams("비밀번호") == ["비밀", "밀번", "번호"])
        #expect(HangulText.stripParticle("비밀번호를") == "비밀번호")
        #expect(HangulText.stripParticle("계정에서") == "계정")
        #expect(HangulText.stripParticle("를") == "를")
        let terms = TextAnalyzer.indexTerms("비밀번호를 재설정", language: .korean)
        #expect(terms.contains("번호") && terms.contains("설정"))
        let single = TextAnalyzer.indexTerms("앱을 설치", language: .korean)
        #expect(single.contains("앱"))
    }

    @Test func indexTermsPerLanguage() {
        let en = TextAnalyzer.indexTerms("The passwords were reset", language: .english)
        #expect(en.contains("password") && en.contains("passwords") && !en.contains("the"))
        let de = TextAnalyzer.indexTerms("Die Rechnungen ändern", language: .german)
        #expect(de.contains("rechnungen") && de.contains("rechnung") && de.contains("aendern") && !de.contains("die"))
    }

    @Test func queryUnitsDropStopWordsUnlessNothingElseRemains() {
        #expect(TextAnalyzer.queryUnits("how to reset the password", language: .english).map(\.word) == ["reset", "password"])
        #expect(TextAnalyzer.queryUnits("the", language: .english).map(\.word) == ["the"])
        #expect(TextAnalyzer.queryUnits("비밀번호를", language: .korean).map(\.word) == ["비밀", "밀번", "번호"])
    }

    @Test func boundedEditDistanceMatchesFullDistance() {
        let words = ["password", "pasword", "passwrod", "passport", "rechnung", "rechnungen", "kitten", "sitting", "", "a", "ab", "ba"]
        for a in words {
            for b in words {
                let full = referenceDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
                for limit in 0...3 {
                    let bounded = EditDistance.within(a, b, limit: limit)
                    #expect(bounded == (full <= limit ? full : nil), "\(a) \(b) \(limit)")
                }
            }
        }
        #expect(EditDistance.allowedTypos(forLength: 3) == 0)
        #expect(EditDistance.allowedTypos(forLength: 4) == 1)
        #expect(EditDistance.allowedTypos(forLength: 7) == 1)
        #expect(EditDistance.allowedTypos(forLength: 8) == 2)
    }

    /// Plain full-matrix optimal string alignment distance.
    func referenceDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
