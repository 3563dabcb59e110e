import CommunityEngagement
import CommunityModel
import Foundation
import Testing

@Suite("Case deflection and attachments")
struct ServiceDeflectionTests {
    let fixture = ServiceFixture()
    let suggester = FixedSuggester(articles: [
        "printer": [
            ArticleSuggestion(articleID: "kb-1", title: "Reset your printer"),
            ArticleSuggestion(articleID: "kb-2", title: "Printer firmware"),
        ],
        "login": [ArticleSuggestion(articleID: "kb-3", title: "Forgot password")],
    ])

    @Test func suggestionsAreOfferedAndDeflectionsCounted() throws {
        let service = try fixture.cases(suggester: suggester)
        let start = fixture.clock.now()
        // 1: reads an article and leaves → deflected.
        let s1 = try service.startDeflection(CaseDraft(subject: "Printer jams"), by: "custA")
        #expect(s1.suggestions.map(\.articleID) == ["kb-1", "kb-2"])
        try service.recordArticleViewed("kb-2", in: s1.id, by: "custA")
        #expect(try service.leaveWithoutCase(s1.id, by: "custA").outcome == .deflected)
        // 2: reads an article and still creates the case.
        let s2 = try service.startDeflection(CaseDraft(subject: "Login broken"), by: "custB")
        try service.recordArticleViewed("kb-3", in: s2.id, by: "custB")
        let record = try service.submit(CaseDraft(subject: "Login broken"), by: "custB", session: s2.id)
        #expect(fixture.value(s2.id)?.caseID == record.id)
        #expect(fixture.value(s2.id)?.outcome == .caseCreated)
        // 3: leaves without reading → abandoned, not a deflection.
        let s3 = try service.startDeflection(CaseDraft(subject: "printer"), by: "custA")
        #expect(try service.leaveWithoutCase(s3.id, by: "custA").outcome == .abandoned)
        // 4: no suggestions at all → not counted.
        let s4 = try service.startDeflection(CaseDraft(subject: "Invoice"), by: "custA")
        #expect(s4.suggestions.isEmpty)
        try service.leaveWithoutCase(s4.id, by: "custA")
        // 5: still open → not counted.
        _ = try service.startDeflection(CaseDraft(subject: "printer"), by: "custA")

        let stats = try service.deflectionStatistics(from: start, to: start + 60)
        #expect(stats.sessions == 3)
        #expect(stats.deflected == 1 && stats.casesCreated == 1 && stats.abandoned == 1)
        #expect(stats.rate == 0.5)
        #expect(try service.deflectionStatistics(from: start + 60, to: start + 120).rate == 0)
    }

    @Test func sessionsAreGuarded() throws {
        let service = try fixture.cases(suggester: suggester)
        let session = try service.startDeflection(CaseDraft(subject: "printer"), by: "custA")
        #expect(throws: CaseError.unknownSession(session.id.rawValue)) {
            try service.recordArticleViewed("kb-1", in: session.id, by: "custB")
        }
        #expect(throws: CaseError.self) { try service.recordArticleViewed("kb-9", in: session.id, by: "custA") }
        try service.leaveWithoutCase(session.id, by: "custA")
        #expect(throws: CaseError.sessionEnded(session.id.rawValue)) { try service.leaveWithoutCase(session.id, by: "custA") }
        // A case submitted with an ended session is refused and nothing is written.
        let before = fixture.census()
        #expect(throws: CaseError.sessionEnded(session.id.rawValue)) {
            try service.submit(CaseDraft(subject: "x"), by: "custA", session: session.id)
        }
        #expect(fixture.census() == before)
    }

    @Test func attachmentsAreStoredAndRemovedWhenTheCaseFails() throws {
        let files = MemoryCaseFileStore(maxBytes: 100)
        let service = try fixture.cases(suggester: suggester, files: files)
        let upload = CaseAttachmentUpload(fileName: "log.txt", contentType: "text/plain", data: Data("boom".utf8))
        let record = try service.submit(CaseDraft(subject: "With log", attachments: [upload, upload]), by: "custA")
        let ids = try service.tracking(of: record.id, viewer: "custA").attachmentIDs
        #expect(ids.count == 2)
        #expect(files.file(ids[0]) == upload)
        // The second file is too large: the first is removed again, no case is written.
        let before = fixture.census()
        let big = CaseAttachmentUpload(fileName: "big.bin", contentType: "application/octet-stream", data: Data(count: 101))
        #expect(throws: ValidationError.self) {
            try service.submit(CaseDraft(subject: "Too big", attachments: [upload, big]), by: "custA")
        }
        #expect(files.count == 2)
        // A case write that fails (ended session) removes the stored files too.
        let session = try service.startDeflection(CaseDraft(subject: "x"), by: "custA")
        try service.leaveWithoutCase(session.id, by: "custA")
        let mid = fixture.census()
        #expect(throws: CaseError.self) {
            try service.submit(CaseDraft(subject: "x", attachments: [upload]), by: "custA", session: session.id)
        }
        #expect(files.count == 2)
        #expect(fixture.census() == mid)
        #expect(before["Case"] == mid["Case"])
    }

    @Test func attachmentsNeedAFileStore() throws {
        let service = try fixture.cases()
        let upload = CaseAttachmentUpload(fileName: "a", contentType: "text/plain", data: Data())
        #expect(throws: CaseError.invalidConfiguration("attachments need a CaseFileStore")) {
            try service.submit(CaseDraft(subject: "x", attachments: [upload]), by: "custA")
        }
    }
}
