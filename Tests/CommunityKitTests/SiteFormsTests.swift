import CommunityKit
import Foundation
import Testing

/// The site forms end to end through `community.handle`: case comments and attachments over
/// `multipart/form-data`, the best answer, the moderation queue, one's own profile and photo,
/// and notification preferences, with their permission checks and bad input.
@Suite struct SiteFormsTests {
    typealias Member = SiteFormsFixture.Member

    func caseOf(_ community: Community, by user: ID<User> = "pat") throws -> ID<Case> {
        try community.cases.submit(CaseDraft(subject: "Broken export", description: "It fails."), by: user).id
    }

    func storedFiles(_ community: Community) throws -> Int { try community.store.snapshot().all(ContentFile.self).count }

    // MARK: Files wiring

    @Test func caseAttachmentsAtSubmissionAreStoredAsFilesTheCaseReadersMayDownload() throws {
        let community = try SiteFormsFixture.community()
        let draft = CaseDraft(subject: "Logs attached", attachments: [
            CaseAttachmentUpload(fileName: "log.txt", contentType: "text/plain", data: Data("boom".utf8)),
        ])
        let record = try community.cases.submit(draft, by: "pat")
        let ids = try community.cases.attachments(of: record.id, viewer: "pat")
        let fileID = try ID<ContentFile>(parsing: try #require(ids.first))
        #expect(try community.files.canDownload(fileID, as: "pat"))
        #expect(try community.files.canDownload(fileID, as: "mia"))  // pat's manager reads the case
        #expect(try !community.files.canDownload(fileID, as: "bo"))  // another partner does not
        #expect(try community.files.download(fileID, by: "mia").1 == Data("boom".utf8))
    }

    @Test func aCaseWrittenStraightIntoTheStoreTakesCommentsAndAttachments() throws {
        let community = try SiteFormsFixture.community()
        try community.store.write { tx in
            try tx.put(Case(id: "case-imported", subject: "Imported", accountID: "acme", priority: .low, origin: .web, owner: .user("pat")))
        }
        #expect(try community.cases.attachments(of: "case-imported", viewer: "pat").isEmpty)
        try community.cases.addComment("case-imported", body: "Still open?", isPublic: true, by: "pat")
        let file = try community.cases.attach(
            CaseAttachmentUpload(fileName: "a.txt", contentType: "text/plain", data: Data("a".utf8)), to: "case-imported", by: "pat")
        #expect(try community.cases.attachments(of: "case-imported", viewer: "mia") == [file])
        #expect(throws: AccessDenied.self) { try community.cases.attachments(of: "case-imported", viewer: "bo") }
        #expect(throws: AccessDenied.self) {
            try community.cases.attach(CaseAttachmentUpload(fileName: "b.txt", contentType: "text/plain", data: Data("b".utf8)), to: "case-imported", by: "bo")
        }
        #expect(try storedFiles(community) == 1)  // bo's refused upload left nothing behind
    }

    @Test func onlyTheOwnerDeletesAFileAndItsBytesGoWithIt() throws {
        let blobs = MemoryBlobStore()
        var configuration = CommunityConfiguration(store: try KitFixture.store(), clock: ManualClock(), csrfSecret: KitFixture.secret)
        configuration.blobStore = blobs
        let community = try Community(configuration)
        let file = try community.files.upload(title: "Plan", fileName: "plan.txt", contentType: "text/plain", data: Data("p".utf8), by: "pat")
        try community.files.share(file.id, with: .allMembers, by: "pat")
        #expect(throws: FileError.notAllowed(user: "bo", action: "delete files")) { try community.files.delete(file.id, by: "bo") }
        #expect(try community.files.canDownload(file.id, as: "bo"))
        try community.files.delete(file.id, by: "pat")
        #expect(try community.files.file(file.id) == nil)
        #expect(try community.store.snapshot().all(FileShare.self).isEmpty)
        #expect(try community.store.snapshot().all(FileVersion.self).isEmpty)
        #expect(try blobs.get("\(file.id.rawValue)-v1") == nil)
        #expect(throws: FileError.unknownFile(file.id.rawValue)) { try community.files.delete(file.id, by: "pat") }
    }

    @Test func guestsGetNoProfileOrNotificationForms() throws {
        let community = try SiteFormsFixture.community()
        let guest = Member(community, nil)
        for page in ["/partners/my-profile", "/partners/notifications", "/partners/moderation"] {
            let response = guest.get(page)
            #expect(response.status == 303 || response.status == 403, "\(page): \(response.status)")
            #expect(!response.body.contains("updateProfile"))
        }
    }

    // MARK: Case comments and attachments

    @Test func membersCommentOnTheirCaseAndTheTextIsEscaped() throws {
        let community = try SiteFormsFixture.community()
        let caseID = try caseOf(community)
        let pat = Member(community, "pat")
        let page = "/partners/case/\(caseID.rawValue)"
        let form = pat.get(page)
        #expect(form.body.contains("<label for=\"f-addCaseComment-body\">"))
        let posted = pat.post("addCaseComment", from: page, ["case": caseID.rawValue, "body": "<script>alert(1)</script> still broken"])
        #expect(posted.status == 303)
        #expect(posted.location == page)
        let shown = pat.get(page).body
        #expect(shown.contains("&lt;script&gt;alert(1)&lt;/script&gt; still broken"))
        #expect(!shown.contains("<script>alert(1)"))
        #expect(try community.cases.comments(of: caseID, viewer: "pat").count == 1)
    }

    @Test func anEmptyCommentIsShownInTheFormAndCommentsOnOthersCasesAreRefused() throws {
        let community = try SiteFormsFixture.community()
        let caseID = try caseOf(community)
        let page = "/partners/case/\(caseID.rawValue)"
        let empty = Member(community, "pat").post("addCaseComment", from: page, ["case": caseID.rawValue, "body": "  "])
        #expect(empty.status == 422)
        #expect(empty.body.contains("aria-invalid=\"true\""))
        #expect(empty.body.contains("Write a comment."))
        let pat = Member(community, "pat")
        #expect(!pat.get(page).body.contains("name=\"internal\""))  // only employees are offered internal comments
        let internalComment = pat.post("addCaseComment", from: page, ["case": caseID.rawValue, "body": "secret", "internal": "on"])
        #expect(internalComment.status == 403)
        let bo = Member(community, "bo")
        let refused = bo.post("addCaseComment", from: "/partners/support", ["case": caseID.rawValue, "body": "hi"])
        #expect(refused.status == 403)
        #expect(try community.cases.comments(of: caseID, viewer: "pat").isEmpty)
    }

    @Test func anAttachmentIsUploadedListedAndDownloadedOnlyByThoseWhoReadTheCase() throws {
        let community = try SiteFormsFixture.community()
        let caseID = try caseOf(community)
        let pat = Member(community, "pat")
        let page = "/partners/case/\(caseID.rawValue)"
        #expect(pat.get(page).body.contains("enctype=\"multipart/form-data\""))
        let uploaded = pat.upload("attachCaseFile", from: page, ["case": caseID.rawValue],
                                  file: ("file", "steps <1>.txt", "text/plain", Array("step one\r\n-- BOUNDARY lookalike --BOUNDARY\r\n".utf8)))
        #expect(uploaded.status == 303, "\(uploaded.body)")
        let ids = try community.cases.attachments(of: caseID, viewer: "pat")
        let fileID = try #require(ids.first)
        let shown = pat.get(page).body
        #expect(shown.contains("href=\"/partners/_file/\(fileID)\""))
        #expect(shown.contains("steps &lt;1&gt;.txt"))
        let download = pat.get("/partners/_file/\(fileID)")
        #expect(download.status == 200)
        #expect(download.bodyBytes == Array("step one\r\n-- BOUNDARY lookalike --BOUNDARY\r\n".utf8))
        #expect(download.headers["Content-Type"] == "text/plain")
        #expect(download.headers["X-Content-Type-Options"] == "nosniff")
        #expect(download.headers["Content-Disposition"]?.hasPrefix("attachment;") == true)
        #expect(Member(community, "mia").get("/partners/_file/\(fileID)").status == 200)
        #expect(Member(community, "bo").get("/partners/_file/\(fileID)").status == 404)
        let guest = Member(community, nil).get("/partners/_file/\(fileID)")
        #expect(guest.status == 303 || guest.status == 404)
        #expect(guest.bodyBytes == nil)
    }

    @Test func anUploadOverTheLimitIsShownInTheFormAndNothingIsStored() throws {
        let community = try SiteFormsFixture.community(maxUploadBytes: 1024)
        let caseID = try caseOf(community)
        let page = "/partners/case/\(caseID.rawValue)"
        let response = Member(community, "pat").upload(
            "attachCaseFile", from: page, ["case": caseID.rawValue], file: ("file", "big.txt", "text/plain", Array(repeating: 65, count: 2048)))
        #expect(response.status == 413)
        #expect(response.body.contains("id=\"f-attachCaseFile-file-error\""))
        #expect(response.body.contains("The file is too large (2048 bytes; at most 1024)."))
        #expect(try community.cases.attachments(of: caseID, viewer: "pat").isEmpty)
        #expect(try storedFiles(community) == 0)
    }

    @Test func aDisallowedTypeOrAFakeImageIsRefusedInTheForm() throws {
        let community = try SiteFormsFixture.community()
        let caseID = try caseOf(community)
        let page = "/partners/case/\(caseID.rawValue)"
        let pat = Member(community, "pat")
        let exe = pat.upload("attachCaseFile", from: page, ["case": caseID.rawValue], file: ("file", "a.exe", "application/x-msdownload", [0x4D, 0x5A]))
        #expect(exe.status == 415)
        #expect(exe.body.contains("Files of type application/x-msdownload are not accepted"))
        let fake = pat.upload("attachCaseFile", from: page, ["case": caseID.rawValue], file: ("file", "a.png", "image/png", Array("<svg onload=x>".utf8)))
        #expect(fake.status == 415)
        #expect(fake.body.contains("not a image/png image"))
        #expect(try storedFiles(community) == 0)
    }

    @Test func malformedMultipartBodiesAreRefusedBeforeAnyAction() throws {
        let community = try SiteFormsFixture.community()
        let caseID = try caseOf(community)
        let pat = Member(community, "pat")
        let garbage = pat.raw("attachCaseFile", body: Array("--BOUNDARY\r\nno colon here\r\n\r\nx\r\n--BOUNDARY--".utf8))
        #expect(garbage.status == 400)
        let noBoundary = pat.raw("attachCaseFile", body: Array("x".utf8), contentType: "multipart/form-data")
        #expect(noBoundary.status == 400)
        // The person reads what to do; the parser's detail ("names no boundary") goes to the log.
        #expect(noBoundary.body.contains("The form could not be read."))
        let unterminated = pat.raw("attachCaseFile", body: Array("--BOUNDARY\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx".utf8))
        #expect(unterminated.status == 400)
        #expect(try community.cases.attachments(of: caseID, viewer: "pat").isEmpty)
        #expect(try storedFiles(community) == 0)
    }

    @Test func multipartPostsStillNeedTheFormToken() throws {
        let community = try SiteFormsFixture.community()
        let caseID = try caseOf(community)
        let page = "/partners/case/\(caseID.rawValue)"
        let response = Member(community, "pat").upload(
            "attachCaseFile", from: page, ["case": caseID.rawValue, "_csrf": "forged"], file: ("file", "a.txt", "text/plain", [65]), token: false)
        #expect(response.status == 403)
        #expect(try storedFiles(community) == 0)
    }

    // MARK: Best answer

    @Test func onlyTheAskerOrAModeratorChoosesTheBestAnswer() throws {
        let community = try SiteFormsFixture.community()
        let question = try community.engagement.questions.ask(title: "Export?", body: "<p>How do I export?</p>", by: "pat")
        let answer = try community.engagement.questions.answer(question.id, body: "<p>Use the <b>Export</b> button</p>", by: "bo")
        let page = "/partners/question/\(question.id.rawValue)"
        #expect(!Member(community, "bo").get(page).body.contains("Choose as best answer"))
        let refused = Member(community, "bo").post("chooseBestAnswer", from: page, ["question": question.id.rawValue, "answer": answer.id.rawValue])
        #expect(refused.status == 403)
        #expect(try community.engagement.questions.page(question.id, viewer: "pat").question.bestAnswerID == nil)
        #expect(Member(community, "cara").get(page).body.contains("Choose as best answer"))
        let pat = Member(community, "pat")
        #expect(pat.get(page).body.contains("Choose as best answer"))
        let chosen = pat.post("chooseBestAnswer", from: page, ["question": question.id.rawValue, "answer": answer.id.rawValue])
        #expect(chosen.status == 303)
        #expect(try community.engagement.questions.page(question.id, viewer: "pat").question.bestAnswerID == answer.id)
        #expect(pat.get(page).body.contains("Chosen as the best answer."))
        let bad = pat.post("chooseBestAnswer", from: page, ["question": question.id.rawValue, "answer": "../x"])
        #expect(bad.status == 422)
    }

    // MARK: Moderation

    func flaggedAnswer(_ community: Community) throws -> (ID<Answer>, ID<ModerationCase>) {
        let question = try community.engagement.questions.ask(title: "Logos?", body: "<p>Where are the logos?</p>", by: "pat")
        let answer = try community.engagement.questions.answer(question.id, body: "<p>Buy <i>cheap</i> logos at my shop</p>", by: "bo")
        try community.moderation.flag(.answer(answer.id), reason: "Advertising <b>spam</b>", by: "pat")
        return (answer.id, ModerationCase.id(for: .answer(answer.id)))
    }

    @Test func nonModeratorsGetNoQueueAndCannotDecide() throws {
        let community = try SiteFormsFixture.community()
        let (_, entry) = try flaggedAnswer(community)
        let pat = Member(community, "pat")
        #expect(pat.get("/partners/moderation").status == 403)
        let refused = pat.post("moderationApprove", from: "/partners/support", ["case": entry.rawValue])
        #expect(refused.status == 403)
        let removal = pat.post("moderationRemove", from: "/partners/support", ["case": entry.rawValue, "reason": "x"])
        #expect(removal.status == 403)
        #expect(try community.moderation.queue(viewer: "cara").map(\.id) == [entry])
    }

    @Test func aModeratorRemovesWithAReasonAndTheAuditLogShowsIt() throws {
        let community = try SiteFormsFixture.community()
        let (answer, entry) = try flaggedAnswer(community)
        let cara = Member(community, "cara")
        let queue = cara.get("/partners/moderation")
        #expect(queue.status == 200)
        #expect(queue.body.contains("Buy cheap logos at my shop"))
        #expect(queue.body.contains("flagged: Advertising &lt;b&gt;spam&lt;/b&gt;"))
        #expect(queue.body.contains("<label for=\"f-moderationRemove-\(entry.rawValue)-reason\">"))
        let noReason = cara.post("moderationRemove", from: "/partners/moderation", ["case": entry.rawValue, "reason": ""])
        #expect(noReason.status == 422)
        #expect(noReason.body.contains("Give a reason for the removal."))
        #expect(try community.moderation.queue(viewer: "cara").count == 1)
        let removed = cara.post("moderationRemove", from: "/partners/moderation", ["case": entry.rawValue, "reason": "advertising"])
        #expect(removed.status == 303)
        #expect(try community.moderation.queue(viewer: "cara").isEmpty)
        #expect(try community.store.snapshot().value(answer)?.publication == .removed)
        let after = cara.get("/partners/moderation").body
        #expect(after.contains("The queue is empty."))
        #expect(after.contains("<td>removed</td>"))
        #expect(after.contains("advertising"))
        let again = cara.post("moderationApprove", from: "/partners/my-profile", ["case": entry.rawValue])
        #expect(again.status == 422)  // already decided
    }

    @Test func aModeratorEditsOrApprovesQueuedContent() throws {
        let community = try SiteFormsFixture.community()
        let (answer, entry) = try flaggedAnswer(community)
        let cara = Member(community, "cara")
        let edited = cara.post("moderationEdit", from: "/partners/moderation", ["case": entry.rawValue, "body": "Logos are in the partner kit."])
        #expect(edited.status == 303)
        let stored = try #require(try community.store.snapshot().value(answer))
        #expect(stored.publication == .published)
        #expect(stored.body.html.contains("Logos are in the partner kit."))
        let log = try community.moderation.auditLog(from: .distantPast, to: .distantFuture, viewer: "cara")
        #expect(log.map(\.action).contains(.edited))

        let (_, second) = try flaggedAnswer(community)
        #expect(cara.post("moderationApprove", from: "/partners/moderation", ["case": second.rawValue]).status == 303)
        #expect(try community.moderation.auditLog(from: .distantPast, to: .distantFuture, viewer: "cara").map(\.action).contains(.approved))
    }

    // MARK: Profile

    @Test func aMemberEditsTheirOwnProfileAndTheTextIsEscaped() throws {
        let community = try SiteFormsFixture.community()
        let pat = Member(community, "pat")
        let page = "/partners/my-profile"
        let form = pat.get(page).body
        #expect(form.contains("<label for=\"f-updateProfile-name\">"))
        #expect(form.contains("<label for=\"f-updateProfile-about\">"))
        let saved = pat.post("updateProfile", from: page, ["member": "pat", "name": "Pat P.", "title": "Engineer", "about": "<b>hi</b> & bye"])
        #expect(saved.status == 303)
        #expect(saved.location == "/partners/my-profile?saved=1")
        let details = try community.profiles.details(of: "pat")
        #expect(details.title == "Engineer")
        #expect(details.about == "<b>hi</b> & bye")
        #expect(community.access.snapshot.user("pat")?.nickname == "Pat P.")
        let shown = pat.get(page, query: ["saved": "1"]).body
        #expect(shown.contains("Your profile was saved."))
        #expect(shown.contains("&lt;b&gt;hi&lt;/b&gt; &amp; bye"))
    }

    @Test func editingSomeoneElsesProfileIsForbiddenAndBadInputChangesNothing() throws {
        let community = try SiteFormsFixture.community()
        let pat = Member(community, "pat")
        let page = "/partners/my-profile"
        let other = pat.post("updateProfile", from: page, ["member": "mia", "name": "Hacked"])
        #expect(other.status == 403)
        #expect(community.access.snapshot.user("mia")?.nickname == "Mia")
        #expect(throws: EngagementError.self) { try community.profiles.update("mia", name: "Hacked", title: "", about: "", by: "pat") }
        let empty = pat.post("updateProfile", from: page, ["member": "pat", "name": " ", "title": "New"])
        #expect(empty.status == 422)
        #expect(empty.body.contains("Enter the name others see."))
        let long = pat.post("updateProfile", from: page, ["member": "pat", "name": String(repeating: "n", count: 41), "title": "New"])
        #expect(long.status == 422)
        #expect(long.body.contains("id=\"f-updateProfile-name-error\""))
        #expect(try community.profiles.details(of: "pat").title == "")
        #expect(community.access.snapshot.user("pat")?.nickname == "Pat")
    }

    @Test func aPhotoIsUploadedServedAsAnImageAndReplaced() throws {
        let community = try SiteFormsFixture.community()
        let pat = Member(community, "pat")
        let page = "/partners/my-profile"
        let uploaded = pat.upload("updateProfilePhoto", from: page, ["member": "pat"], file: ("photo", "me.png", "image/png", SiteFormsFixture.png))
        #expect(uploaded.status == 303, "\(uploaded.body)")
        let first = try #require(try community.profiles.details(of: "pat").photoFileID)
        #expect(pat.get(page).body.contains("src=\"/partners/_file/\(first)\""))
        let image = Member(community, "bo").get("/partners/_file/\(first)")
        #expect(image.status == 200)
        #expect(image.headers["Content-Type"] == "image/png")
        #expect(image.headers["Content-Disposition"]?.hasPrefix("inline;") == true)
        #expect(image.bodyBytes == SiteFormsFixture.png)
        #expect(Member(community, nil).get("/partners/_file/\(first)").bodyBytes == nil)
        _ = pat.upload("updateProfilePhoto", from: page, ["member": "pat"], file: ("photo", "me2.png", "image/png", SiteFormsFixture.png))
        let second = try #require(try community.profiles.details(of: "pat").photoFileID)
        #expect(second != first)
        #expect(Member(community, "bo").get("/partners/profile/pat").body.contains("src=\"/partners/_file/\(second)\""))
        #expect(try storedFiles(community) == 1)  // the old photo is gone
    }

    @Test func aPhotoThatIsNotAnImageOrForSomeoneElseIsRefused() throws {
        let community = try SiteFormsFixture.community()
        let pat = Member(community, "pat")
        let page = "/partners/my-profile"
        let pdf = pat.upload("updateProfilePhoto", from: page, ["member": "pat"], file: ("photo", "cv.pdf", "application/pdf", Array("%PDF-1.4".utf8)))
        #expect(pdf.status == 422)
        #expect(pdf.body.contains("id=\"f-updateProfilePhoto-photo-error\""))
        let other = pat.upload("updateProfilePhoto", from: page, ["member": "mia"], file: ("photo", "me.png", "image/png", SiteFormsFixture.png))
        #expect(other.status == 403)
        #expect(throws: UploadError.contentMismatch(field: "photo", declared: "image/png")) {
            try community.setProfilePhoto(of: "pat", fileName: "x.png", contentType: "image/png", data: Data("GIF89a".utf8), by: "pat")
        }
        #expect(try storedFiles(community) == 0)
        #expect(try community.profiles.details(of: "pat").photoFileID == nil)
    }

    // MARK: Notification preferences

    @Test func aMemberChoosesInboxAndEmailPerKind() throws {
        let community = try SiteFormsFixture.community()
        let pat = Member(community, "pat")
        let page = "/partners/notifications"
        let form = pat.get(page).body
        #expect(form.contains("<label for=\"f-updateNotificationPreferences-email.mention\">"))
        #expect(form.contains("<label for=\"f-updateNotificationPreferences-inApp.mention\">"))
        var fields: [String: String] = ["email.mention": "weekly", "email.caseUpdated": "immediate"]
        for kind in NotificationKind.allCases where kind != .mention { fields["inApp." + kind.rawValue] = "on" }
        let saved = pat.post("updateNotificationPreferences", from: page, fields)
        #expect(saved.status == 303)
        let preferences = try community.engagement.notifications.preferences(of: "pat")
        #expect(preferences.mutedInApp == [.mention])
        #expect(preferences.email == [.mention: .weekly, .caseUpdated: .immediate])
        let bad = pat.post("updateNotificationPreferences", from: page, ["email.answer": "hourly"])
        #expect(bad.status == 422)
        #expect(bad.body.contains("id=\"f-updateNotificationPreferences-email.answer-error\""))
        #expect(try community.engagement.notifications.preferences(of: "pat") == preferences)
        #expect(Member(community, nil).post("updateNotificationPreferences", from: "/partners/", [:]).status == 403)
    }
}
