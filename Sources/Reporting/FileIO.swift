import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file-system operation that failed, in plain words: what was being done, where,
/// why (from `errno`), and what to do about it. `runway` prints it and exits with 2.
public struct FileProblem: Error, CustomStringConvertible, Equatable {
    /// "write", "create the folder", "rename", "read", "remove".
    public let action: String
    public let path: String
    public let code: Int32
    /// A reason more precise than the error code's.
    let known: String?

    public init(_ action: String, _ path: String, code: Int32, reason: String? = nil) {
        self.action = action
        self.path = path
        self.code = code
        known = reason
    }

    /// The reason, without the C library's jargon.
    public var reason: String { known ?? Self.reason(code) }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "the disk is full (no space left on the device)"
        case EDQUOT: "the disk quota is used up"
        case EROFS: "the file system is read-only"
        case EACCES, EPERM: "permission denied"
        case ENOTDIR: "a part of the path is a file, not a folder"
        case EEXIST: "something else with that name is in the way"
        case EISDIR: "it is a folder"
        case ENOENT: "it (or a folder on the way) does not exist"
        case EILSEQ: "it is not UTF-8 text"
        case ENAMETOOLONG: "the name is too long"
        case EIO: "an input/output error of the device"
        case EMFILE, ENFILE: "too many files are open"
        case EFBIG: "the file is too large for the file system"
        default: String(cString: strerror(code))
        }
    }

    /// What the user can do.
    public var advice: String {
        if action == "read" { return "check that it is there and readable" }
        return switch code {
        case ENOSPC, EDQUOT, EFBIG: "free some space, or choose another folder with --output"
        case EROFS, EACCES, EPERM: "choose a folder you can write to with --output"
        case ENOTDIR, EEXIST, EISDIR: "choose another folder with --output (or move what is in the way)"
        default: "check the folder, or choose another one with --output"
        }
    }

    public var description: String { "cannot \(action) \(path): \(reason); \(advice)" }
}

/// Plain POSIX file operations with `FileProblem` errors, and writes that are whole or
/// absent: a file is written under a temporary name in a given folder, flushed to the
/// disk and renamed into place, so a crash or a full disk never leaves a truncated file
/// under the final name.
///
/// Test hooks (environment variables, used by the CLI tests only):
/// - `RUNWAY_TEST_FAIL_WRITING=name`: writing a file called `name` fails as if the
///   disk were full (ENOSPC);
/// - `RUNWAY_TEST_STALL_WRITING=name`: writing a file called `name` stops halfway,
///   creates `<temporary file>.stalled` beside it and sleeps, for a test to kill the
///   process at that moment;
/// - `RUNWAY_TEST_PAUSE_WRITING=name`: the same, but the write goes on once the test
///   removes `<temporary file>.paused` (a run held at a known moment, that then ends normally).
public enum FileIO {
    /// The process's umask (mkstemp creates files readable by their owner only; the
    /// files get the mode any other new file would get). Read from /proc where it can
    /// be, since setting it to read it is not safe while other threads create files.
    private static let fileModeMask: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return mask
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()
    private static let failOn: String? = ProcessInfo.processInfo.environment["RUNWAY_TEST_FAIL_WRITING"]
    private static let stallOn: String? = ProcessInfo.processInfo.environment["RUNWAY_TEST_STALL_WRITING"]
    private static let pauseOn: String? = ProcessInfo.processInfo.environment["RUNWAY_TEST_PAUSE_WRITING"]

    /// Writes `data` to `url` whole or not at all: into a fresh temporary file in
    /// `temporaryFolder` (which must be on the same file system), flushed, then renamed.
    /// On failure the temporary file is removed.
    public static func writeAtomically(_ data: Data, to url: URL, temporaryFolder: URL) throws(FileProblem) {
        let template = temporaryFolder.appendingPathComponent("\(url.lastPathComponent).XXXXXX").path
        var buffer = Array(template.utf8CString)
        let fd = buffer.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileProblem("create a file in", temporaryFolder.path, code: errno) }
        _ = fchmod(fd, 0o666 & ~fileModeMask)
        let temporary = String(decoding: buffer.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        do throws(FileProblem) {
            try writeAll(data, fd: fd, path: url.path, temporary: temporary)
            if fsync(fd) != 0 { throw FileProblem("write", url.path, code: errno) }
            closed = true
            if close(fd) != 0 { throw FileProblem("write", url.path, code: errno) }
            if rename(temporary, url.path) != 0 { throw FileProblem("write", url.path, code: errno) }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            throw error
        }
    }

    private static func writeAll(_ data: Data, fd: Int32, path: String, temporary: String) throws(FileProblem) {
        let name = URL(fileURLWithPath: path).lastPathComponent
        if failOn == name { throw FileProblem("write", path, code: ENOSPC) }
        let stall = stallOn == name || pauseOn == name
        let marker = stall ? temporary + (stallOn == name ? ".stalled" : ".paused") : ""
        let result: Int32 = data.withUnsafeBytes { raw -> Int32 in
            guard var p = raw.baseAddress else { return 0 }
            var left = raw.count
            var stalled = false
            while left > 0 {
                let chunk = stall && !stalled ? max(1, left / 2) : left
                let n = write(fd, p, chunk)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                p += n
                left -= n
                if stall && !stalled {
                    stalled = true
                    fsync(fd)
                    _ = FileManager.default.createFile(atPath: marker, contents: nil)
                    if stallOn == name { while true { sleep(60) } }
                    while FileManager.default.fileExists(atPath: marker) { usleep(20_000) }
                }
            }
            return 0
        }
        if result != 0 { throw FileProblem("write", path, code: result) }
    }

    /// The text of a UTF-8 file.
    public static func read(_ url: URL) throws(FileProblem) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let ns = error as NSError
            let code = ns.underlyingPOSIXCode ?? (ns.domain == NSCocoaErrorDomain && ns.code == CocoaError.fileReadNoSuchFile.rawValue ? ENOENT
                : ns.domain == NSCocoaErrorDomain && ns.code == CocoaError.fileReadNoPermission.rawValue ? EACCES : EIO)
            throw FileProblem("read", url.path, code: code)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw FileProblem("read", url.path, code: EILSEQ) }
        return text
    }

    /// Creates `url` and the folders above it that are missing (like `mkdir -p`).
    public static func createFolder(_ url: URL) throws(FileProblem) {
        let path = url.standardizedFileURL.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { return }
            throw FileProblem("use", path, code: ENOTDIR, reason: "it is a file, not a folder")
        }
        let parent = url.standardizedFileURL.deletingLastPathComponent()
        if parent.path != path { try createFolder(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw FileProblem("create the folder", path, code: errno) }
    }

    /// Renames `from` to `to` (the same file system; `to` must not be a non-empty folder).
    public static func move(_ from: URL, to: URL) throws(FileProblem) {
        if rename(from.path, to.path) != 0 { throw FileProblem("move \(from.path) to", to.path, code: errno) }
    }

    /// Removes a file or a folder with everything in it; nothing when it is absent.
    public static func remove(_ url: URL) throws(FileProblem) {
        guard FileManager.default.fileExists(atPath: url.path) || isSymbolicLink(url) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw FileProblem("remove", url.path, code: (error as NSError).underlyingPOSIXCode ?? EIO)
        }
    }

    static func isSymbolicLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}

extension NSError {
    /// The POSIX error code under a Foundation error, when there is one.
    var underlyingPOSIXCode: Int32? {
        if domain == NSPOSIXErrorDomain { return Int32(code) }
        if let underlying = userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.underlyingPOSIXCode }
        return nil
    }
}
