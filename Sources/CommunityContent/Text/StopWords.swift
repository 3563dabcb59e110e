/// Words too common to help ranking, left out of the index and of queries.
enum StopWords {
    static let english: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from", "how", "i",
        "if", "in", "into", "is", "it", "its", "my", "of", "on", "or", "our", "so", "that", "the", "their",
        "then", "there", "this", "to", "was", "what", "when", "where", "which", "who", "why", "will", "with",
        "you", "your", "me", "we", "am", "been", "has", "have", "not", "no",
    ]
    static let german: Set<String> = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und",
        "oder", "aber", "ist", "sind", "war", "wie", "was", "wo", "wer", "ich", "du", "er", "sie", "es", "wir",
        "ihr", "mein", "meine", "meinen", "mich", "mir", "sich", "zu", "zum", "zur", "im", "in", "an", "am",
        "auf", "aus", "bei", "mit", "nach", "von", "vom", "fuer", "ueber", "kann", "koennen", "nicht", "kein",
        "keine", "auch", "noch", "nur", "so", "dass", "wenn", "man", "werden", "wird", "ihre", "ihren", "bitte",
    ]

    static func contains(_ word: String, _ language: ContentLanguage) -> Bool {
        switch language {
        case .english: english.contains(word)
        case .german: german.contains(word)
        case .korean, .other: english.contains(word)
        }
    }

    /// Stop words of any analysed language, for queries whose language is unknown.
    static func anyLanguage(_ word: String) -> Bool { english.contains(word) || german.contains(word) }
}
