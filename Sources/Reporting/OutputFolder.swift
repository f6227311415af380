import Foundation

/// Where a run's files go: `<base>/<scenario>/<run-id>/`, written into a hidden
/// temporary folder beside it and renamed when complete, so a reader never sees a
/// half-written run and an earlier run is never overwritten unless asked.
public struct OutputFolder {
    public let finalURL: URL
    let temporaryURL: URL
    let force: Bool

    public enum Problem: Error, CustomStringConvertible {
        case exists(String)
        case cannotWrite(String, String)
        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; choose another --run-id, or add --force to replace it"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Checks, before any work is done, that the run may be written.
    public init(base: String, scenario: String, runID: String, force: Bool) throws(Problem) {
        let folder = URL(fileURLWithPath: base).appendingPathComponent(Self.safeName(scenario))
        finalURL = folder.appendingPathComponent(runID)
        temporaryURL = folder.appendingPathComponent(".\(runID).partial-\(ProcessInfo.processInfo.processIdentifier)")
        self.force = force
        if FileManager.default.fileExists(atPath: finalURL.path) && !force { throw .exists(finalURL.path) }
    }

    /// Writes all files, then moves the folder into place.
    public func write(_ files: [(name: String, contents: String)]) throws(Problem) {
        let fm = FileManager.default
        do {
            try? fm.removeItem(at: temporaryURL)
            try fm.createDirectory(at: temporaryURL, withIntermediateDirectories: true)
            for file in files {
                try Data(file.contents.utf8).write(to: temporaryURL.appendingPathComponent(file.name))
            }
            if fm.fileExists(atPath: finalURL.path) {
                guard force else { throw Problem.exists(finalURL.path) }
                try fm.removeItem(at: finalURL)
            }
            try fm.moveItem(at: temporaryURL, to: finalURL)
        } catch let problem as Problem {
            try? fm.removeItem(at: temporaryURL)
            throw problem
        } catch {
            try? fm.removeItem(at: temporaryURL)
            throw .cannotWrite(finalURL.path, error.localizedDescription)
        }
    }

    /// Keeps a scenario name usable as a folder name.
    static func safeName(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        let cleaned = String(name.map { allowed.contains($0) ? $0 : "-" })
        return cleaned.isEmpty ? "scenario" : cleaned
    }
}
