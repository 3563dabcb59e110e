import CommunityKit
import CommunitySQLite
import DevServer
import Foundation

/// The PartnerPortal program: parses the command line and runs the command.
public enum PartnerPortalProgram {
    /// Runs with the arguments after the program name; returns the exit status
    /// (0 done, 1 failed, 2 usage).
    public static func main(_ arguments: [String]) -> Int32 {
        let command: PortalCommand
        do {
            command = try PortalCommand.parse(arguments)
        } catch {
            printError("\(error)\n\n\(PortalCommand.usage)")
            return 2
        }
        do {
            switch command {
            case .help:
                print(PortalCommand.usage)
                return 2
            case .walkthrough(let out):
                let folder = URL(fileURLWithPath: out)
                try SiteExport.check(folder)
                try Walkthrough(portal: try Portal(), out: folder).run()
                return 0
            case .serve(let port, let store, let outbox):
                return try serve(port: port, storePath: store, outbox: outbox)
            case .explain(let user, let record):
                return try explain(user: user, record: record)
            case .apiLatency(let iterations):
                for line in try PortalAPI.latency(iterations: iterations) { print(line) }
                return 0
            }
        } catch {
            printError("PartnerPortal: \(error)")
            return 1
        }
    }

    static func serve(port: UInt16, storePath: String?, outbox: String?) throws -> Int32 {
        var store: (any Store)?
        var blobs: (any BlobStore)?
        if let url = storePath, PortalCommand.isPostgresURL(url) {
            do {
                // Every host serving this portal opens the same database; the first one seeds it.
                store = try PostgresStore(configuration: .community(url: url))
            } catch {
                printError("PartnerPortal: cannot open the PostgreSQL store: \(error)")
                return 1
            }
        } else if let storePath {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: storePath, isDirectory: &isDirectory), isDirectory.boolValue {
                printError("PartnerPortal: --store \(storePath) is a folder; give a file name such as portal.sqlite")
                return 1
            }
            do {
                store = try SQLiteStore(path: storePath, registry: EntityRegistry(CommunityEntities.all))
                // Uploaded files (attachments, photos) live next to the database, so they survive a restart too.
                blobs = try DirectoryBlobStore(directory: URL(fileURLWithPath: storePath + ".files"))
            } catch {
                printError("PartnerPortal: cannot open the store \(storePath): \(error)")
                return 1
            }
        }
        if let outbox {
            var isDirectory: ObjCBool = false
            let folder = URL(fileURLWithPath: outbox).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                printError("PartnerPortal: --outbox \(outbox): the folder \(folder) does not exist")
                return 1
            }
        }
        let portal = try Portal(
            store: store, blobs: blobs, notifier: PortalOutbox(path: outbox), cookies: .localDevelopment, demoPasswords: true,
            clock: SystemClock(), accessCheckpoint: storePath.map(PortalStorage.checkpointFile(forStore:)),
            searchIndexSnapshot: storePath.map(PortalStorage.searchSnapshotFile(forStore:)))
        let site = PortalServer(portal: portal)
        let server = HTTPServer(HTTPServerConfiguration(port: port, maxBodyBytes: 4 << 20)) { site.respond(to: $0) }
        let actual: UInt16
        do {
            actual = try server.start()
        } catch {
            printError("PartnerPortal: cannot listen on 127.0.0.1:\(port): \(error)")
            return 1
        }
        printNow("Northwind Partner Central: http://127.0.0.1:\(actual)/partners/")
        printNow("Northwind Help Center:     http://127.0.0.1:\(actual)/help/")
        printNow("store: " + (storePath.map { PortalCommand.isPostgresURL($0) ? "PostgreSQL (shared by every host on it)" : "SQLite file \($0)" }
            ?? "in memory (gone when the server stops)"))
        if let file = portal.community.accessCheckpointFile {
            printNow("access checkpoint: \(file.path); the access engine started \(portal.community.accessStartDescription)")
        }
        if let file = portal.community.searchIndexSnapshotFile {
            printNow("search snapshot: \(file.path); the search index started \(portal.community.searchIndexStartDescription)")
        }
        printNow("personas (sign in at /partners/login or /help/login with the user name or e-mail):")
        for user in Seed.people {
            printNow("  \(user.id.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(user.name) (\(user.kind.rawValue), profile \(user.profileID))")
        }
        printNow("demo password: \(Portal.demoPassword)")
        printNow("site builder: sign in as dana, then Builder in the menu (/partners/builder, /help/builder)")
        for (user, line) in PortalAPI.demoTokens(portal.community) { printNow("API token (\(user), every scope, 1 day): \(line)") }
        printNow("JSON API: http://127.0.0.1:\(actual)/partners/api/v1/openapi.json (tokens: /partners/api-tokens)")
        printNow("management console (KPIs): sign in as dana at /manage/login, or Management console in the partner menu")
        if let outbox { printNow("outbox: \(outbox)") }
        // Escalations, offer expiry, digests and trending: every minute (each job on its own schedule).
        let dueWork = PortalPrograms.scheduleDueWork(portal.community, every: 60) { printNow($0) }
        // The access checkpoint: every five minutes while the store changes, and on shutdown.
        let checkpoints = PortalStorage.scheduleCheckpoints(portal.community, every: 300) { printNow($0) }
        printNow("Press Ctrl-C to stop.")
        server.run(stopOnSignals: true)
        dueWork.cancel()
        checkpoints.cancel()
        if portal.community.accessCheckpointFile != nil {
            do {
                if let record = try portal.community.writeAccessCheckpoint() {
                    printNow("access checkpoint written at change \(record.sequence)")
                }
            } catch {
                printError("PartnerPortal: the access checkpoint could not be written: \(error)")
            }
        }
        PortalStorage.writeSearchSnapshotIfMoved(portal.community) { printNow($0) }
        printNow("stopped")
        return 0
    }

    static func explain(user name: String, record recordID: String) throws -> Int32 {
        let portal = try Portal()
        // Replay the walkthrough quietly with its repeatable ids, so the records it created can be named too.
        try Walkthrough(portal: portal, out: URL(fileURLWithPath: NSTemporaryDirectory()), verbose: false).runScenarios()
        guard let user = portal.user(named: name) else {
            printError("PartnerPortal: no user \(name); try one of: " + Seed.people.map(\.id.rawValue).joined(separator: ", "))
            return 1
        }
        let objects: [EntityType] = ["Lead", "Opportunity", "Case", "Account", "Contact"]
        // (The walkthrough's own records have repeatable ids: run `swift run PartnerPortal` to see them.)
        guard let object = objects.first(where: { portal.community.access.snapshot.record($0, id: recordID) != nil }) else {
            printError("PartnerPortal: no record \(recordID); seeded records: lead-acme-1, lead-acme-2, lead-globex-1, lead-initrode-1, "
                + "opp-acme-1, opp-globex-1, opp-hanbit-1, case-acme-1, acme, globex")
            return 1
        }
        print(portal.community.explain(user: user.id, object: object, id: recordID))
        return 0
    }

    /// Writes a line to standard output at once (not buffered), for a server that runs until stopped.
    static func printNow(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
