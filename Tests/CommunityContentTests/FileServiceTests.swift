import CommunityAccess
import CommunityContent
import CommunityModel
import Foundation
import Testing

@Suite struct FileServiceTests {
    typealias F = KnowledgeFixture

    struct Setup {
        let f: F
        let blobs = MemoryBlobStore()
        let files: FileService
        let indexer: FileSearchIndexer
        static let silverPartner: ID<User> = "silverpartner"
        /// A Customer Community Plus user (not high volume, so group membership applies).
        static let plus: ID<User> = "plus"

        init() throws {
            f = try F()
            try f.store.write { tx in
                try tx.put(Account(id: "smallco", name: "SmallCo", owner: "author", isPartner: true, partnerTier: .silver))
                try tx.put(User(id: Self.silverPartner, kind: .partner, name: "Sil", email: "sil@x.com", profileID: "partnerProfile", accountID: "smallco"))
                try tx.put(User(id: Self.plus, kind: .customer, name: "Plus", email: "plus@x.com", profileID: "customerProfile", accountID: "acme"))
                try tx.put(PublicGroup(id: "beta", name: "Beta testers", members: [.user(Self.plus)]))
            }
            var limits = FileLimits()
            limits.maxBytes = 1_000
            files = FileService(store: f.store, blobs: blobs, access: f.access, clock: f.clock, limits: limits)
            indexer = try FileSearchIndexer(store: f.store, index: f.index)
        }

        func searchFiles(_ text: String, as user: ID<User>?) throws -> [String] {
            try f.knowledge.search(SearchQuery(text, types: [.file]), as: user).hits.map(\.key.id)
        }
    }

    @Test func uploadVersionsAndDownloadCounts() throws {
        let s = try Setup()
        let file = try s.files.upload(title: "Setup guide", fileName: "guide.pdf", contentType: "application/pdf", data: Data("v1".utf8), by: F.employee)
        let v2 = try s.files.uploadVersion(of: file.id, fileName: "guide2.pdf", contentType: "application/pdf", data: Data("v2!".utf8), by: F.employee)
        #expect(v2.number == 2)
        let (latest, data) = try s.files.download(file.id, by: F.employee)
        #expect(latest.number == 2 && data == Data("v2!".utf8))
        let (first, old) = try s.files.download(file.id, version: 1, by: F.employee)
        #expect(first.fileName == "guide.pdf" && old == Data("v1".utf8))
        #expect(try s.files.file(file.id)?.downloads == 2)
        #expect(try s.files.file(file.id)?.size == 3)
        #expect(try s.files.versions(of: file.id, as: F.employee).map(\.number) == [1, 2])
        #expect(throws: FileError.unknownVersion(file: file.id.rawValue, number: 7)) { try s.files.download(file.id, version: 7, by: F.employee) }
    }

    @Test func limitsAndBadInputAreTypedAndLeaveNothing() throws {
        let s = try Setup()
        #expect(throws: FileError.tooLarge(limit: 1_000, actual: 1_001)) {
            try s.files.upload(title: "Big", fileName: "b.bin", contentType: "application/octet-stream", data: Data(count: 1_001), by: F.employee)
        }
        #expect(throws: FileError.empty) { try s.files.upload(title: "E", fileName: "e", contentType: "text/plain", data: Data(), by: F.employee) }
        #expect(throws: FileError.invalidContentType("text/<script>")) {
            try s.files.upload(title: "X", fileName: "x", contentType: "text/<script>", data: Data("x".utf8), by: F.employee)
        }
        #expect(throws: FileError.invalidTitle(" ")) { try s.files.upload(title: " ", fileName: "x", contentType: "text/plain", data: Data("x".utf8), by: F.employee) }
        #expect(throws: FileError.notAllowed(user: "employee", action: "add files to libraries")) {
            try s.files.upload(title: "L", fileName: "x", contentType: "text/plain", data: Data("x".utf8), library: "lib_x", by: F.employee)
        }
        #expect(throws: FileError.unknownLibrary("lib_x")) {
            try s.files.upload(title: "L", fileName: "x", contentType: "text/plain", data: Data("x".utf8), library: "lib_x", by: F.moderator)
        }
        #expect(s.blobs.count == 0)
        #expect(try s.f.store.snapshot().count(ContentFile.self) == 0)
        let file = try s.files.upload(title: "Mine", fileName: "m", contentType: "text/plain", data: Data("m".utf8), by: F.employee)
        #expect(throws: FileError.notAllowed(user: "customer", action: "upload versions")) {
            try s.files.uploadVersion(of: file.id, fileName: "m", contentType: "text/plain", data: Data("n".utf8), by: F.customer)
        }
        #expect(s.blobs.count == 1)
    }

    @Test func sharingThroughAccess() throws {
        let s = try Setup()
        let file = try s.files.upload(title: "Roadmap deck", fileName: "r.pdf", contentType: "application/pdf", data: Data("r".utf8), by: F.employee)
        #expect(try !s.files.canDownload(file.id, as: Setup.plus))
        #expect(throws: FileError.notAllowed(user: "plus", action: "download \(file.id.rawValue)")) { try s.files.download(file.id, by: Setup.plus) }
        #expect(try s.searchFiles("roadmap", as: Setup.plus).isEmpty)
        try s.files.share(file.id, with: .group("beta"), by: F.employee)
        #expect(try s.files.canDownload(file.id, as: Setup.plus))
        #expect(try s.searchFiles("roadmap", as: Setup.plus) == [file.id.rawValue])
        #expect(try !s.files.canDownload(file.id, as: F.emeaCustomer))
        try s.files.share(file.id, with: .partnerTier(.gold), by: F.employee)
        #expect(try s.files.canDownload(file.id, as: F.partner))
        #expect(try !s.files.canDownload(file.id, as: Setup.silverPartner))
        #expect(try s.searchFiles("roadmap", as: F.partner) == [file.id.rawValue])
        #expect(try s.searchFiles("roadmap", as: Setup.silverPartner).isEmpty)
        try s.files.unshare(file.id, from: .group("beta"), by: F.employee)
        #expect(try !s.files.canDownload(file.id, as: Setup.plus))
        #expect(try s.searchFiles("roadmap", as: Setup.plus).isEmpty)
        try s.files.share(file.id, with: .allMembers, by: F.employee)
        #expect(try s.files.canDownload(file.id, as: F.emeaCustomer))
        #expect(try s.searchFiles("roadmap", as: nil).isEmpty)  // guests are not members
    }

    @Test func recordSharesFollowRecordAccess() throws {
        let s = try Setup()
        try s.f.store.write { tx in
            try tx.put(Case(id: "case1", subject: "Broken", accountID: "acme", owner: .user(F.employee)))
        }
        let file = try s.files.upload(title: "Log", fileName: "log.txt", contentType: "text/plain", data: Data("log".utf8), by: F.author)
        try s.files.share(file.id, with: .record("Case", "case1"), by: F.author)
        #expect(try s.files.canDownload(file.id, as: F.employee))  // owns the case
    }

    @Test func librariesByPartnerTier() throws {
        let s = try Setup()
        let gold = try s.files.createLibrary(name: "Gold marketing", minimumTier: .gold, by: F.moderator)
        let everyone = try s.files.createLibrary(name: "Brand kit", minimumTier: .registered, customersSee: true, by: F.moderator)
        #expect(throws: FileError.notAllowed(user: "employee", action: "create libraries")) {
            try s.files.createLibrary(name: "X", by: F.employee)
        }
        let deck = try s.files.upload(title: "Co-branding deck", fileName: "d.pptx", contentType: "application/vnd.ms-powerpoint", data: Data("d".utf8), library: gold.id, by: F.moderator)
        let logo = try s.files.upload(title: "Logo pack", fileName: "l.zip", contentType: "application/zip", data: Data("l".utf8), library: everyone.id, by: F.moderator)
        #expect(try s.files.libraries(as: F.partner).map(\.id).sorted() == [gold.id, everyone.id].sorted())
        #expect(try s.files.libraries(as: Setup.silverPartner).map(\.id) == [everyone.id])
        #expect(try s.files.libraries(as: F.customer).map(\.id) == [everyone.id])
        #expect(try s.files.files(in: gold.id, as: F.partner).map(\.id) == [deck.id])
        #expect(try s.files.files(in: gold.id, as: Setup.silverPartner).isEmpty)
        #expect(try s.files.files(in: everyone.id, as: Setup.silverPartner).map(\.id) == [logo.id])
        #expect(try s.searchFiles("deck", as: F.partner) == [deck.id.rawValue])
        #expect(try s.searchFiles("deck", as: Setup.silverPartner).isEmpty)
        #expect(try s.searchFiles("logo", as: F.customer) == [logo.id.rawValue])
        #expect(try s.searchFiles("deck", as: F.employee) == [deck.id.rawValue])
        #expect(s.indexer.errors.isEmpty)
    }
}
