import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer per run folder: an exclusive `flock` on `<scenario>/.<run-id>.lock`, held
/// from before the run folder (or its hidden working folder) is looked at until the
/// process ends. A second process asking for the same lock is refused at once, and told
/// who holds it (the holder writes its process id, start time and command into the file).
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

    /// The lock, or who holds it.
    public enum Outcome {
        case acquired(RunLock)
        /// Another live process holds the lock; `holder` is what it wrote into the lock
        /// file (its process id, start time and command), nil when it has not written it yet.
        case busy(holder: String?)
    }

    /// Takes the lock, or tells who holds it when another live process does.
    public static func acquire(_ path: String) throws(FileProblem) -> Outcome {
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw FileProblem("create the lock file", path, code: errno) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let holder = code == EWOULDBLOCK || code == EAGAIN ? readHolder(fd) : nil
                close(fd)
                if code == EWOULDBLOCK || code == EAGAIN { return .busy(holder: holder) }
                throw FileProblem("lock", path, code: code)
            }
            // The file we locked must still be the one at `path` (its holder may have
            // removed it between our open and our flock).
            var mine = stat(), current = stat()
            if fstat(fd, &mine) == 0 && stat(path, &current) == 0 && mine.st_dev == current.st_dev && mine.st_ino == current.st_ino {
                let line = holderLine() + "\n"
                _ = ftruncate(fd, 0)
                _ = line.withCString { write(fd, $0, strlen($0)) }
                heldLock.withLock { held[path] = fd }
                return .acquired(RunLock(path: path))
            }
            close(fd)
        }
    }

    /// This process, as the lock file names it for a run that is refused: "process 123,
    /// started 2026-12-03 10:04:05 UTC: runway run … --run-id x" (the command cut at 300 characters).
    static func holderLine() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        var arguments = ProcessInfo.processInfo.arguments
        if let program = arguments.first { arguments[0] = URL(fileURLWithPath: program).lastPathComponent }
        var command = arguments.joined(separator: " ").replacingOccurrences(of: "\n", with: " ")
        if command.count > 300 { command = String(command.prefix(300)) + "…" }
        return "process \(getpid()), started \(formatter.string(from: Date())) UTC: \(command)"
    }

    /// The first line of the lock file open at `fd` (its holder's `holderLine`), if any.
    private static func readHolder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 1024)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        let line = String(decoding: buffer[0..<n], as: UTF8.self).split(separator: "\n").first.map(String.init)
        return line?.isEmpty == false ? line : nil
    }

    private init(path: String) { self.path = path }

    /// Removes the lock file and releases the lock (idempotent). Also when the last
    /// reference to the lock goes.
    public func release() { Self.release(path) }

    private static func release(_ path: String) {
        heldLock.withLock {
            guard let fd = held.removeValue(forKey: path) else { return }
            // Only the file this process locked: should someone have removed it and
            // another run locked a new one at `path`, that one is not ours to remove.
            var mine = stat(), current = stat()
            if fstat(fd, &mine) == 0 && stat(path, &current) == 0 && mine.st_dev == current.st_dev && mine.st_ino == current.st_ino {
                unlink(path)
            }
            close(fd)
        }
    }

    /// Releases every lock this process holds (before it exits).
    public static func releaseAll() {
        for path in heldLock.withLock({ Array(held.keys) }) { release(path) }
    }

    deinit { release() }
}
