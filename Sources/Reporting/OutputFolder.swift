import Foundation

/// Where a run's files go: `<base>/<scenario>/<run-id>/`.
///
/// Work happens in a hidden folder beside it, `.<run-id>.partial`, which is renamed
/// when the run is complete: a reader never sees a half-written run, and an earlier
/// run is never replaced unless asked (`force`). Finished replications are kept in
/// the working folder as they complete, so an interrupted run can be continued
/// (`resume`).
public struct OutputFolder: Sendable {
    public let finalURL: URL
    public let workingURL: URL
    let force: Bool

    public enum Problem: Error, CustomStringConvertible {
        case exists(String)
        case interrupted(String)
        case cannotWrite(String, String)
        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; choose another --run-id, or add --force to replace it"
            case .interrupted(let path): "an interrupted run is kept in \(path); add --resume to continue it, or --force to start over"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Checks, before any work is done, that the run may be written.
    public init(base: String, scenario: String, runID: String, force: Bool, resume: Bool = false) throws(Problem) {
        let folder = URL(fileURLWithPath: base).appendingPathComponent(Self.safeName(scenario))
        finalURL = folder.appendingPathComponent(runID)
        workingURL = folder.appendingPathComponent(".\(runID).partial")
        self.force = force
        let fm = FileManager.default
        if fm.fileExists(atPath: finalURL.path) && !force { throw .exists(finalURL.path) }
        if fm.fileExists(atPath: workingURL.path) && !resume {
            guard force else { throw .interrupted(workingURL.path) }
            try? fm.removeItem(at: workingURL)
        }
    }

    /// Creates the working folder (kept if it holds an interrupted run).
    public func prepare() throws(Problem) {
        do {
            try FileManager.default.createDirectory(at: workingURL.appendingPathComponent(PartStore.folderName), withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(workingURL.path, error.localizedDescription)
        }
    }

    public var parts: PartStore { PartStore(folder: workingURL.appendingPathComponent(PartStore.folderName)) }

    /// Writes the final files into the working folder, drops the parts unless asked
    /// to keep them, and moves the folder into place.
    public func finish(_ files: [(name: String, contents: String)], keepParts: Bool = false) throws(Problem) {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: workingURL, withIntermediateDirectories: true)
            for file in files {
                try Data(file.contents.utf8).write(to: workingURL.appendingPathComponent(file.name), options: .atomic)
            }
            if !keepParts { try? fm.removeItem(at: workingURL.appendingPathComponent(PartStore.folderName)) }
            if fm.fileExists(atPath: finalURL.path) {
                guard force else { throw Problem.exists(finalURL.path) }
                try fm.removeItem(at: finalURL)
            }
            try fm.moveItem(at: workingURL, to: finalURL)
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .cannotWrite(finalURL.path, error.localizedDescription)
        }
    }

    /// Writes a complete set of files in one go.
    public func write(_ files: [(name: String, contents: String)]) throws(Problem) {
        try prepare()
        try finish(files)
    }

    /// Keeps a scenario name usable as a folder name.
    static func safeName(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        let cleaned = String(name.map { allowed.contains($0) ? $0 : "-" })
        return cleaned.isEmpty ? "scenario" : cleaned
    }
}
