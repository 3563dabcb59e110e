public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The documents of a ``MemorySearchIndex`` with their analysed terms, at one store feed
/// sequence: a restarting host loads it (no text analysis) and then follows the store's feed
/// from ``sequence`` instead of reindexing everything.
///
/// File format (version ``formatVersion``): the magic `CKSI`, a version byte, an 8-byte
/// fingerprint of the text analysis that produced the terms, then as 8-byte little-endian
/// integers the feed sequence, the time written (bits of a `Double` of seconds since 1970), the
/// vocabulary size and the document count; the vocabulary (each term a varint length and
/// UTF-8 bytes); each document's fields, term counts per field and `(term id, title, summary,
/// body frequency)` entries as varints; last the SHA-256 of everything before it (it detects
/// damage, not tampering: a snapshot is a cache the host writes itself).
///
/// ``write(to:)`` is crash-safe: it writes a temporary file beside the target, flushes it to
/// disk, renames it over the target and flushes the directory, so a reader sees the old
/// snapshot or the new one, never a mix.
public struct SearchIndexSnapshot: Sendable {
    /// The format version this build writes and reads.
    public static let formatVersion: UInt8 = 1
    static let magic: [UInt8] = Array("CKSI".utf8)

    /// The last store change the documents include.
    public let sequence: UInt64
    /// When the snapshot was taken.
    public let writtenAt: Date
    /// The documents with their terms.
    let documents: [AnalyzedDocument]

    /// How many documents the snapshot holds.
    public var documentCount: Int { documents.count }

    /// The keys of the documents the snapshot holds.
    public var keys: [SearchDocumentKey] { documents.map(\.document.key) }

    init(sequence: UInt64, writtenAt: Date, documents: [AnalyzedDocument]) {
        self.sequence = sequence
        self.writtenAt = writtenAt
        self.documents = documents
    }

    /// A fingerprint of the text analysis: terms of sample sentences in every language, hashed.
    /// It changes when tokenising, stemming or folding changes, which makes older snapshots unusable.
    static let analyzerFingerprint: UInt64 = {
        let samples: [(String, ContentLanguage)] = [
            ("Running quickly, the developers' webhooks re-synced 12 e-mail invoices; café naïve STRASSE", .english),
            ("Die Kündigungsfristen für Rechnungsadressen ändern sich täglich: Größe, Übersicht", .german),
            ("환불을 요청하려면 로그인한 후 주문 내역에서 취소하세요", .korean),
            ("Ça coûte 3,5 € — ﬁn", .other),
        ]
        var text = ""
        for (sample, language) in samples {
            text += TextAnalyzer.indexTerms(sample, language: language).joined(separator: " ") + "\n"
        }
        let digest = SnapshotDigest.sha256(Array(text.utf8)[...])
        return digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }()

    // MARK: Encoding

    /// The snapshot's bytes.
    public func encoded() -> [UInt8] {
        var vocabulary: [String: Int] = [:]
        var terms: [String] = []
        var body = SnapshotWriter()
        body.bytes.reserveCapacity(documents.count * 512)
        for analyzed in documents {
            let doc = analyzed.document
            body.string(doc.type.name)
            body.string(doc.id)
            body.string(doc.locale)
            body.string(doc.title)
            body.string(doc.summary)
            body.string(doc.body)
            body.strings(doc.categories)
            body.strings(doc.topics)
            body.count(doc.visibility.clauses.count)
            for clause in doc.visibility.clauses { body.strings(clause) }
            body.double(doc.createdAt.timeIntervalSince1970)
            body.double(doc.updatedAt.timeIntervalSince1970)
            body.double(doc.popularity)
            if let path = doc.path {
                body.count(1)
                body.string(path)
            } else {
                body.count(0)
            }
            body.count(analyzed.lengths.0)
            body.count(analyzed.lengths.1)
            body.count(analyzed.lengths.2)
            body.count(analyzed.terms.count)
            for (term, tf) in analyzed.terms {
                let id: Int
                if let known = vocabulary[term] {
                    id = known
                } else {
                    id = terms.count
                    vocabulary[term] = id
                    terms.append(term)
                }
                body.count(id)
                body.varint(UInt64(tf.title))
                body.varint(UInt64(tf.summary))
                body.varint(UInt64(tf.body))
            }
        }
        var out = SnapshotWriter()
        out.bytes.reserveCapacity(body.bytes.count + terms.count * 10 + 64)
        out.bytes += Self.magic
        out.bytes.append(Self.formatVersion)
        out.fixed(Self.analyzerFingerprint)
        out.fixed(sequence)
        out.double(writtenAt.timeIntervalSince1970)
        out.fixed(UInt64(terms.count))
        out.fixed(UInt64(documents.count))
        for term in terms { out.string(term) }
        out.bytes += body.bytes
        out.bytes += SnapshotDigest.sha256(out.bytes[...])
        return out.bytes
    }

    /// Reads a snapshot.
    ///
    /// - Throws: a ``SearchIndexSnapshotError`` saying what is wrong with the bytes.
    public init(decoding bytes: [UInt8]) throws(SearchIndexSnapshotError) {
        guard bytes.count >= 4, Array(bytes[0..<4]) == Self.magic else { throw .notASnapshot }
        guard bytes.count >= 5 else { throw .truncated }
        guard bytes[4] == Self.formatVersion else { throw .unsupportedVersion(bytes[4]) }
        let header = 5 + 5 * 8
        guard bytes.count >= header + SnapshotDigest.length else { throw .truncated }
        let end = bytes.count - SnapshotDigest.length
        guard Array(bytes[end...]) == SnapshotDigest.sha256(bytes[..<end]) else { throw .checksumMismatch }
        var reader = SnapshotReader(bytes: bytes, at: 5, end: end)
        guard try reader.fixed() == Self.analyzerFingerprint else { throw .analyzerChanged }
        let sequence = try reader.fixed()
        let written = try reader.double()
        guard written.isFinite else { throw .malformed("the time written is not a number") }
        let termCount = try reader.fixed(), documentCount = try reader.fixed()
        guard termCount <= UInt64(end - reader.at), documentCount <= UInt64(end - reader.at) else { throw .truncated }
        var terms: [String] = []
        terms.reserveCapacity(Int(termCount))
        for _ in 0..<termCount { terms.append(try reader.string()) }
        var documents: [AnalyzedDocument] = []
        documents.reserveCapacity(Int(documentCount))
        var seen = Set<SearchDocumentKey>()
        for _ in 0..<documentCount {
            let type = try reader.string(), id = try reader.string()
            guard !id.isEmpty else { throw .malformed("a \(type) document has an empty id") }
            let locale = try reader.string()
            let title = try reader.string(), summary = try reader.string(), text = try reader.string()
            let categories = try reader.strings(), topics = try reader.strings()
            let clauseCount = try reader.count()
            var clauses: [[String]] = []
            for _ in 0..<clauseCount { clauses.append(try reader.strings()) }
            let created = try reader.double(), updated = try reader.double(), popularity = try reader.double()
            guard created.isFinite, updated.isFinite, popularity.isFinite, popularity >= 0 else {
                throw .malformed("\(type):\(id) has an impossible date or popularity")
            }
            let path: String?
            switch try reader.varint() {
            case 0: path = nil
            case 1: path = try reader.string()
            case let flag: throw .malformed("\(type):\(id) has path flag \(flag)")
            }
            let lengths = (try reader.count(), try reader.count(), try reader.count())
            let entryCount = try reader.count()
            var entries: [(String, TermFrequency)] = []
            entries.reserveCapacity(entryCount)
            for _ in 0..<entryCount {
                let term = try reader.varint()
                guard term < termCount else { throw .malformed("\(type):\(id) names term \(term) of \(termCount)") }
                var tf = TermFrequency()
                for field in 0..<3 {
                    let n = try reader.varint()
                    guard n <= UInt64(UInt16.max) else { throw .malformed("\(type):\(id) has a term frequency of \(n)") }
                    switch field {
                    case 0: tf.title = UInt16(n)
                    case 1: tf.summary = UInt16(n)
                    default: tf.body = UInt16(n)
                    }
                }
                entries.append((terms[Int(term)], tf))
            }
            let document = SearchDocument(
                type: SearchDocumentType(type), id: id, locale: locale, title: title, summary: summary, body: text,
                categories: categories, topics: topics, visibility: SearchVisibility(clauses: clauses),
                createdAt: Date(timeIntervalSince1970: created), updatedAt: Date(timeIntervalSince1970: updated),
                popularity: popularity, path: path)
            guard seen.insert(document.key).inserted else { throw .malformed("\(document.key) appears twice") }
            documents.append(
                AnalyzedDocument(
                    document: document, language: ContentLanguage(locale: locale), terms: entries, lengths: lengths))
        }
        guard reader.at == end else { throw .malformed("\(end - reader.at) bytes follow the last document") }
        self.init(sequence: sequence, writtenAt: Date(timeIntervalSince1970: written), documents: documents)
    }

    // MARK: Files

    /// Reads the snapshot in `url`.
    ///
    /// - Throws: ``SearchIndexSnapshotError/io(_:)`` when the file cannot be read, or what
    ///   ``init(decoding:)`` throws.
    public init(contentsOf url: URL) throws(SearchIndexSnapshotError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .io("cannot read \(url.path): \(error.localizedDescription)")
        }
        try self.init(decoding: [UInt8](data))
    }

    /// Writes the snapshot to `url` crash-safely (temporary file, fsync, rename, directory
    /// fsync) and returns how many bytes it took. On failure the temporary file is removed and
    /// any earlier snapshot at `url` is left as it was.
    ///
    /// - Throws: ``SearchIndexSnapshotError/io(_:)`` when the file cannot be written.
    @discardableResult
    public func write(to url: URL) throws(SearchIndexSnapshotError) -> Int {
        let bytes = encoded()
        try Self.writeDurably(bytes, to: url)
        return bytes.count
    }

    static func writeDurably(_ bytes: [UInt8], to url: URL) throws(SearchIndexSnapshotError) {
        let directory = url.deletingLastPathComponent().path
        let temporary = url.path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .io("cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                guard let base = raw.baseAddress else { break }
                let n = posixWrite(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot write \(temporary): \(String(cString: strerror(errno)))"
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = "cannot flush \(temporary): \(String(cString: strerror(errno)))" }
        close(fd)
        if failure == nil, rename(temporary, url.path) != 0 {
            failure = "cannot rename \(temporary) to \(url.path): \(String(cString: strerror(errno)))"
        }
        if let failure {
            unlink(temporary)
            throw .io(failure)
        }
        let dirFD = open(directory.isEmpty ? "." : directory, O_RDONLY)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }
}

/// `write(2)` (the snapshot's own `write(to:)` hides the unqualified name).
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
    #else
        Darwin.write(fd, buffer, count)
    #endif
}
