import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer per run folder: an exclusive `flock` on `<scenario>/.<run-id>.lock`, held
/// from before the run folder (or its hidden working folder) is looked at until the
/// process ends. A second process asking for the same lock is refused at once.
///
/// The kernel releases the lock when the process ends, however it ends (kill -9
/// included), so a stale lock file never blocks a later run. The file is removed when
/// the lock is released normally; a process that wins the lock on a file that has
/// meanwhile been removed or replaced tries again on the current one, so two
/// processes never both hold the lock.
public final class RunLock: @unchecked Sendable {
    public let path: String

    /// The locks this process holds (path → file descriptor), for `releaseAll` on exit.
    nonisolated(unsafe) private static var held: [String: Int32] = [:]
    private static let heldLock = NSLock()

    /// Takes the lock, or returns nil when another live process holds it.
    public static func acquire(_ path: String) throws(FileProblem) -> RunLock? {
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw FileProblem("create the lock file", path, code: errno) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                close(fd)
                if code == EWOULDBLOCK || code == EAGAIN { return nil }
                throw FileProblem("lock", path, code: code)
            }
            // The file we locked must still be the one at `path` (its holder may have
            // removed it between our open and our flock).
            var mine = stat(), current = stat()
            if fstat(fd, &mine) == 0 && stat(path, &current) == 0 && mine.st_dev == current.st_dev && mine.st_ino == current.st_ino {
                let pid = "\(getpid())\n"
                _ = ftruncate(fd, 0)
                _ = pid.withCString { write(fd, $0, strlen($0)) }
                heldLock.withLock { held[path] = fd }
                return RunLock(path: path)
            }
            close(fd)
        }
    }

    private init(path: String) { self.path = path }

    /// Removes the lock file and releases the lock (idempotent). Also when the last
    /// reference to the lock goes.
    public func release() { Self.release(path) }

    private static func release(_ path: String) {
        heldLock.withLock {
            guard let fd = held.removeValue(forKey: path) else { return }
            unlink(path)
            close(fd)
        }
    }

    /// Releases every lock this process holds (before it exits).
    public static func releaseAll() {
        for path in heldLock.withLock({ Array(held.keys) }) { release(path) }
    }

    deinit { release() }
}
