import CommunityModel
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The exclusive advisory lock (`flock(2)`) a ``SQLiteStore`` holds on the sidecar file
/// `<database path>-lock` for its lifetime, so that one file has one writer.
///
/// `flock` locks belong to an open file description, so a second store opened on the same
/// file in this process conflicts exactly as one in another process does. The lock is
/// taken on a sidecar file, never on the database file: SQLite's own POSIX locks on the
/// database would be dropped when any other descriptor of it in the process is closed.
/// The kernel releases the lock when the descriptor is closed, including when the process
/// dies, so a crash never leaves the store locked.
final class SQLiteFileLock: Sendable {
    /// The lock file.
    let path: String
    private let descriptor: Int32

    /// Opens (creating if needed) `<databasePath>-lock` and locks it without waiting.
    ///
    /// - Throws: ``StoreError/locked(path:)`` when another open file description holds the
    ///   lock; ``StoreError/backend(_:)`` when the lock file cannot be opened or locked.
    init(databasePath: String) throws {
        // The same database reached through a symbolic link or another relative path shares
        // one lock file, when the database exists already.
        let canonical = realpath(databasePath, nil).map { pointer -> String in
            defer { free(pointer) }
            return String(cString: pointer)
        }
        let lockPath = (canonical ?? databasePath) + "-lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StoreError.backend("cannot open the lock file \(lockPath): \(Self.message(errno))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK || code == EAGAIN { throw StoreError.locked(path: databasePath) }
            throw StoreError.backend("cannot lock \(lockPath): \(Self.message(code))")
        }
        path = lockPath
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func message(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
