@testable import CommunityContent
import CommunityTesting
import Foundation
import Testing

/// The search index snapshot: a loaded snapshot answers exactly like the index it was taken
/// from and like a fresh index of the same documents; damaged, truncated, foreign or outdated
/// bytes are typed errors, never traps; writing is crash-safe.
@Suite struct SearchIndexSnapshotTests {

    static let english = "account password reset invoice billing refund webhook integration export report dashboard partner deal lead opportunity calendar notification mobile sync upload download permission role team archive delete restore settings language".split(separator: " ").map(String.init)
    static let german = "Konto Passwort zurücksetzen Rechnung Rechnungsadresse Erstattung Schnittstelle Bericht Übersicht Partner Geschäft Kalender Benachrichtigung Hochladen Berechtigung Rolle Archiv löschen Einstellungen Sprache Kündigung".split(separator: " ").map(String.init)
    static let korean = "계정 비밀번호 재설정 청구서 환불 연동 보고서 대시보드 파트너 거래 알림 모바일 업로드 권한 역할 보관 삭제 설정 언어 해지".split(separator: " ").map(String.init)

    static func randomDocuments(_ count: Int, seed: UInt64, prefix: String = "d") -> [SearchDocument] {
        var g = SeededRandom(seed: seed)
        return (0..<count).map { i in
            let (locale, words) = [("en_US", english), ("de_DE", german), ("ko_KR", korean)][g.below(3)]
            func text(_ n: Int) -> String { (0..<n).map { _ in g.pick(words) }.joined(separator: " ") }
            let visibility: SearchVisibility = g.below(4) == 0 ? .anyOf(["group:\(g.below(3))"]) : .everyone
            return SearchDocument(
                type: g.below(5) == 0 ? .question : .article, id: "\(prefix)\(i)", locale: locale, title: text(1 + g.below(4)),
                summary: text(g.below(8)), body: text(5 + g.below(40)), categories: g.below(2) == 0 ? ["c\(g.below(3))"] : [],
                topics: g.below(3) == 0 ? ["t\(g.below(2))"] : [], visibility: visibility,
                createdAt: SearchFixtures.epoch.addingTimeInterval(-Double(g.below(1_000_000))),
                popularity: Double(g.below(50)), path: g.below(2) == 0 ? "/a/\(i)" : nil)
        }
    }

    static func queries(seed: UInt64) -> [SearchQuery] {
        var g = SeededRandom(seed: seed)
        var out: [SearchQuery] = []
        for _ in 0..<150 {
            let (locale, words) = [("en_US", english), ("de_DE", german), ("ko_KR", korean)][g.below(3)]
            var text = (0..<(1 + g.below(3))).map { _ in g.pick(words) }.joined(separator: " ")
            if g.below(4) == 0, text.count > 4 { text.removeLast() }  // a partial or misspelt last word
            out.append(SearchQuery(
                text, locale: locale, prefixLastWord: g.below(2) == 0, typoTolerance: g.below(5) != 0,
                categories: g.below(6) == 0 ? ["c1"] : nil, facets: [.category, .type], limit: 10, highlight: false))
        }
        return out
    }

    /// Everything a search answers that a snapshot could get wrong.
    static func answers(_ index: MemorySearchIndex, _ queries: [SearchQuery]) throws -> [String] {
        var out: [String] = []
        for query in queries {
            for viewer in [SearchViewer.unrestricted, SearchViewer(keys: ["group:1"])] {
                let r = try index.search(query, as: viewer)
                let hits = r.hits.map { "\($0.key)@\($0.locale)=\(String(format: "%.4f", $0.score))" }
                out.append("\(query.text)|\(r.totalCount)|\(hits)|\(r.facets.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value)" })")
            }
        }
        return out
    }

    /// An index fed in batches with replacements and removals, so it has several segments and deleted documents.
    static func churnedIndex() throws -> (MemorySearchIndex, [SearchDocument]) {
        let index = MemorySearchIndex(clock: ManualClockForTests())
        var live: [String: SearchDocument] = [:]
        let first = randomDocuments(400, seed: 7)
        for start in stride(from: 0, to: first.count, by: 37) {
            let batch = Array(first[start..<min(first.count, start + 37)])
            try index.upsert(batch)
            for d in batch { live[d.id] = d }
        }
        let replacements = randomDocuments(60, seed: 99).enumerated().map { i, d in
            var d = d
            d.key = SearchDocumentKey(type: live["d\(i * 5)"]?.type ?? .article, id: "d\(i * 5)")
            return d
        }
        try index.upsert(replacements)
        for d in replacements { live[d.id] = d }
        let removed = stride(from: 1, to: 400, by: 7).compactMap { live["d\($0)"]?.key }
        try index.remove(removed)
        for key in removed { live[key.id] = nil }
        // A last small write stays a segment of its own beside the merged ones.
        let tail = randomDocuments(3, seed: 123, prefix: "tail")
        try index.upsert(tail)
        for d in tail { live[d.id] = d }
        return (index, live.values.sorted { $0.id < $1.id })
    }

    @Test func aLoadedSnapshotAnswersLikeTheIndexItWasTakenFromAndLikeAFreshIndex() throws {
        let (original, live) = try Self.churnedIndex()
        #expect(original.segmentCount > 1)
        let snapshot = original.snapshot(sequence: 42, writtenAt: SearchFixtures.epoch)
        #expect(snapshot.documentCount == live.count)
        let decoded = try SearchIndexSnapshot(decoding: snapshot.encoded())
        #expect(decoded.sequence == 42)
        #expect(decoded.writtenAt == SearchFixtures.epoch)
        #expect(Set(decoded.keys) == Set(live.map(\.key)))

        let loaded = MemorySearchIndex(clock: ManualClockForTests())
        try loaded.upsert(Self.randomDocuments(5, seed: 1, prefix: "stale"))  // replaced by the load
        loaded.load(decoded)
        #expect(try loaded.count() == live.count)
        #expect(try loaded.document(SearchDocumentKey(type: .article, id: "stale0")) == nil)
        for doc in live { #expect(try loaded.document(doc.key) == doc) }

        // A fresh index of the same documents, in the snapshot's order, in one segment.
        let fresh = MemorySearchIndex(clock: ManualClockForTests())
        let byKey = Dictionary(uniqueKeysWithValues: live.map { ($0.key, $0) })
        try fresh.upsert(decoded.keys.compactMap { byKey[$0] })
        let queries = Self.queries(seed: 2024)
        let expected = try Self.answers(fresh, queries)
        let got = try Self.answers(loaded, queries)
        #expect(got.count == expected.count)
        for (a, b) in zip(got, expected) where a != b { Issue.record("loaded: \(a)\nfresh:  \(b)") }
        // The original, in several segments, finds the same documents for every query.
        for query in queries {
            let a = try original.search(query, as: .unrestricted), b = try loaded.search(query, as: .unrestricted)
            #expect(a.totalCount == b.totalCount, "\(query.text)")
        }
        // Writes after a load work as before.
        try loaded.upsert(Self.randomDocuments(3, seed: 5, prefix: "new"))
        #expect(try loaded.count() == live.count + 3)
    }

    @Test func anEmptyIndexRoundTrips() throws {
        let snapshot = MemorySearchIndex().snapshot(sequence: 0, writtenAt: SearchFixtures.epoch)
        let decoded = try SearchIndexSnapshot(decoding: snapshot.encoded())
        #expect(decoded.documentCount == 0)
        let index = MemorySearchIndex()
        try index.upsert(Self.randomDocuments(3, seed: 3))
        index.load(decoded)
        #expect(try index.count() == 0)
    }

    static func validBytes() throws -> [UInt8] {
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert(Self.randomDocuments(30, seed: 11))
        return index.snapshot(sequence: 9, writtenAt: SearchFixtures.epoch).encoded()
    }

    /// Replaces the trailing checksum so a change inside the body gets past it.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        let end = bytes.count - SnapshotDigest.length
        return Array(bytes[..<end]) + SnapshotDigest.sha256(bytes[..<end])
    }

    @Test func damagedBytesAreTypedErrors() throws {
        let bytes = try Self.validBytes()
        func error(_ b: [UInt8]) -> SearchIndexSnapshotError? {
            do {
                _ = try SearchIndexSnapshot(decoding: b)
                return nil
            } catch {
                return error
            }
        }
        #expect(error([]) == .notASnapshot)
        #expect(error(Array("not a snapshot at all".utf8)) == .notASnapshot)
        var version = bytes
        version[4] = 99
        #expect(error(version) == .unsupportedVersion(99))
        // Every truncation is refused.
        for length in [4, 5, 20, 48, bytes.count / 2, bytes.count - 33, bytes.count - 1] {
            let e = error(Array(bytes.prefix(length)))
            #expect(e == .truncated || e == .checksumMismatch, "length \(length): \(String(describing: e))")
        }
        // Every flipped byte after the magic and version is caught by the checksum.
        for position in stride(from: 5, to: bytes.count, by: max(1, bytes.count / 200)) {
            var damaged = bytes
            damaged[position] ^= 0x5A
            #expect(error(damaged) == .checksumMismatch, "byte \(position)")
        }
        // Another build's text analysis: refused even with a valid checksum.
        var foreign = bytes
        foreign[5] ^= 0xFF
        #expect(error(Self.resealed(foreign)) == .analyzerChanged)
    }

    @Test func impossibleContentsBehindAValidChecksumAreTypedErrorsNeverTraps() throws {
        let bytes = try Self.validBytes()
        var g = SeededRandom(seed: 77)
        var outcomes: [String: Int] = [:]
        for round in 0..<400 {
            var damaged = bytes
            // Past the fixed header (magic, version, fingerprint): counts, vocabulary and documents.
            for _ in 0..<(1 + round % 4) {
                let position = 14 + g.below(damaged.count - 14 - SnapshotDigest.length)
                damaged[position] = UInt8(truncatingIfNeeded: g.next())
            }
            if round % 5 == 0 { damaged.removeSubrange((damaged.count - 40)..<(damaged.count - 32)) }
            do {
                _ = try SearchIndexSnapshot(decoding: Self.resealed(damaged))
                outcomes["decoded", default: 0] += 1
            } catch {
                outcomes["\(error)".prefix(30).description, default: 0] += 1
            }
        }
        #expect(outcomes.values.reduce(0, +) == 400)
        #expect(outcomes.keys.contains { $0 != "decoded" })
    }

    @Test func writingReplacesTheFileWholeAndLeavesNoTemporaryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("search-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("index.snapshot")
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert(Self.randomDocuments(20, seed: 4))
        let first = try index.snapshot(sequence: 1, writtenAt: SearchFixtures.epoch).write(to: file)
        try index.upsert(Self.randomDocuments(10, seed: 8, prefix: "more"))
        let second = try index.snapshot(sequence: 2, writtenAt: SearchFixtures.epoch).write(to: file)
        #expect(second > first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["index.snapshot"])
        let restored = MemorySearchIndex(clock: ManualClockForTests())
        let loaded = try restored.loadSnapshot(from: file)
        #expect(loaded.sequence == 2)
        #expect(try restored.count() == 30)

        // A write that cannot happen is an I/O error and leaves the earlier snapshot whole.
        let missing = folder.appendingPathComponent("no-such-folder/index.snapshot")
        #expect(throws: SearchIndexSnapshotError.self) { try index.snapshot(sequence: 3, writtenAt: SearchFixtures.epoch).write(to: missing) }
        #expect(try SearchIndexSnapshot(contentsOf: file).sequence == 2)
        // Reading a missing file is an I/O error too, and leaves the index as it was.
        do {
            try restored.loadSnapshot(from: missing)
            Issue.record("loading a missing file succeeded")
        } catch {
            guard case .io = error else { Issue.record("expected .io, got \(error)"); return }
        }
        #expect(try restored.count() == 30)
    }
}

extension SeededRandom {
    /// A random element of a non-empty list (these tests never pass an empty one).
    mutating func pick<T>(_ list: [T]) -> T { list[below(list.count)] }
}
