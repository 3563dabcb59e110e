extension IndexSegment {
    /// Hangul bigram terms one letter (jamo) away from `bigram`: they share one syllable and the
    /// other differs by one edit among its letters ("환뷸" → "환불", "번효" → "번호"). Candidates
    /// come from the prefix and suffix ranges of the shared syllable, at most `limit` from each.
    func hangulTypoNeighbours(of bigram: String, limit: Int) -> [Int32] {
        let syllables = Array(bigram)
        guard syllables.count == 2, let first = syllables.first, let last = syllables.last else { return [] }
        let letters = HangulJamo.decompose(bigram)
        var distance = BoundedEditDistance()
        var seen = Set<Int32>()
        var out: [Int32] = []
        for id in termsWithPrefix(String(first), limit: limit) + termsWithSuffix(String(last), limit: limit)
        where seen.insert(id).inserted {
            let term = terms[Int(id)]
            guard term.count == 2, term != bigram, term.unicodeScalars.allSatisfy(HangulJamo.isSyllable) else { continue }
            if distance.within(letters, HangulJamo.decompose(term), limit: 1) == 1 { out.append(id) }
        }
        return out
    }
}
