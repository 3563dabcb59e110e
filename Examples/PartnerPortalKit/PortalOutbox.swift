import CommunityKit
import Foundation
import Synchronization

/// The example's "mail": every reset and verification message is printed on standard output
/// and, when a file is given, appended to it as one JSON line
/// (`{"link": …, "purpose": …, "site": …, "to": …, "user": …}`), so a person or a test can
/// follow the link. A real host hands messages to its mail service instead.
final class PortalOutbox: IdentityNotifier {
    private let path: String?
    private let lock = Mutex<Void>(())

    /// An outbox that prints, and appends to `path` when it is given.
    init(path: String?) { self.path = path }

    func deliver(_ message: IdentityMessage) throws {
        var object: [String: String] = [
            "to": message.email, "user": message.userID.rawValue, "purpose": message.purpose.rawValue, "link": message.linkPath,
        ]
        if let site = message.siteID { object["site"] = site }
        var line = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        line.append(0x0A)
        try lock.withLock { _ in
            FileHandle.standardOutput.write(Data("mail to \(message.email) (\(message.purpose.rawValue)): \(message.linkPath)\n".utf8))
            guard let path else { return }
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil) else {
                    throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
                }
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
        }
    }
}
