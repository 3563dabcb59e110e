/// The Porter (1980) suffix-stripping stemmer for English, written for ASCII lower-case
/// words: "connections", "connected" and "connecting" all become "connect".
///
/// Words with non-ASCII letters or shorter than three letters are returned unchanged.
public enum PorterStemmer {
    /// The stem of a lower-case English word.
    public static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        guard w.count > 2, w.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        var s = Stemming(w)
        s.step1a(); s.step1b(); s.step1c(); s.step2(); s.step3(); s.step4(); s.step5()
        w = s.b
        return String(decoding: w, as: UTF8.self)
    }
}

/// The working state of one stemming run.
private struct Stemming {
    var b: [UInt8]

    init(_ b: [UInt8]) { self.b = b }

    func isConsonant(_ i: Int) -> Bool {
        switch b[i] {
        case 97, 101, 105, 111, 117: return false  // a e i o u
        case 121: return i == 0 ? true : !isConsonant(i - 1)  // y
        default: return true
        }
    }

    /// The measure m of b[0..<end]: the number of VC sequences.
    func measure(_ end: Int) -> Int {
        var n = 0, i = 0
        while i < end && isConsonant(i) { i += 1 }
        while i < end {
            while i < end && !isConsonant(i) { i += 1 }
            guard i < end else { break }
            n += 1
            while i < end && isConsonant(i) { i += 1 }
        }
        return n
    }

    func hasVowel(_ end: Int) -> Bool { (0..<end).contains { !isConsonant($0) } }

    func endsDoubleConsonant(_ end: Int) -> Bool {
        end >= 2 && b[end - 1] == b[end - 2] && isConsonant(end - 1)
    }

    /// consonant-vowel-consonant ending, the last not w, x or y.
    func endsCVC(_ end: Int) -> Bool {
        guard end >= 3, isConsonant(end - 1), !isConsonant(end - 2), isConsonant(end - 3) else { return false }
        let c = b[end - 1]
        return c != 119 && c != 120 && c != 121
    }

    func ends(_ suffix: String) -> Bool { ends(Array(suffix.utf8)) }

    func ends(_ s: [UInt8]) -> Bool {
        guard s.count <= b.count else { return false }
        let offset = b.count - s.count
        for i in 0..<s.count where b[offset + i] != s[i] { return false }
        return true
    }

    mutating func replace(_ suffix: String, _ with: String) {
        b.removeLast(suffix.utf8.count)
        b.append(contentsOf: Array(with.utf8))
    }

    /// Replaces `suffix` with `with` when the stem before it has measure > `minMeasure`.
    @discardableResult
    mutating func rule(_ suffix: [UInt8], _ with: [UInt8], minMeasure: Int) -> Bool {
        guard ends(suffix) else { return false }
        if measure(b.count - suffix.count) > minMeasure {
            b.removeLast(suffix.count)
            b.append(contentsOf: with)
        }
        return true
    }

    static func table(_ pairs: [(String, String)]) -> [([UInt8], [UInt8])] {
        pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }

    mutating func step1a() {
        if ends("sses") { replace("sses", "ss") }
        else if ends("ies") { replace("ies", "i") }
        else if ends("ss") { return }
        else if ends("s") { b.removeLast() }
    }

    mutating func step1b() {
        if ends("eed") {
            if measure(b.count - 3) > 0 { b.removeLast() }
            return
        }
        var stripped = false
        if ends("ed"), hasVowel(b.count - 2) { b.removeLast(2); stripped = true }
        else if ends("ing"), hasVowel(b.count - 3) { b.removeLast(3); stripped = true }
        guard stripped else { return }
        if ends("at") || ends("bl") || ends("iz") { b.append(101) }
        else if endsDoubleConsonant(b.count), ![108, 115, 122].contains(b[b.count - 1]) { b.removeLast() }
        else if measure(b.count) == 1, endsCVC(b.count) { b.append(101) }
    }

    mutating func step1c() {
        if ends("y"), hasVowel(b.count - 1) { b[b.count - 1] = 105 }
    }

    static let step2Rules = table([
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
            ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
            ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
            ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
        ])

    mutating func step2() {
        for (suffix, with) in Self.step2Rules where rule(suffix, with, minMeasure: 0) { return }
    }

    static let step3Rules = table([
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ])

    mutating func step3() {
        for (suffix, with) in Self.step3Rules where rule(suffix, with, minMeasure: 0) { return }
    }

    /// Longest match first, as the algorithm requires ("ement" before "ment" before "ent").
    static let step4Suffixes: [[UInt8]] = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism",
        "ate", "iti", "ous", "ive", "ize",
    ].map { Array($0.utf8) }.sorted { $0.count > $1.count }

    mutating func step4() {
        for suffix in Self.step4Suffixes where ends(suffix) {
            let stemEnd = b.count - suffix.count
            if suffix == Array("ion".utf8) {
                guard stemEnd > 0, b[stemEnd - 1] == 115 || b[stemEnd - 1] == 116 else { return }
            }
            if measure(stemEnd) > 1 { b.removeLast(suffix.count) }
            return
        }
    }

    mutating func step5() {
        if ends("e") {
            let m = measure(b.count - 1)
            if m > 1 || (m == 1 && !endsCVC(b.count - 1)) { b.removeLast() }
        }
        if measure(b.count) > 1, endsDoubleConsonant(b.count), b[b.count - 1] == 108 { b.removeLast() }
    }
}
