import Foundation
import Experiments

/// Where a run's files go: `<base>/<scenario>/<run-id>/`, or `<base>/<scenario>/<kind>-<run-id>/`
/// for every kind of run but a plain one (`RunKind`).
///
/// Work happens in a hidden folder beside it, `.<run-id>.partial`, which is renamed
/// when the run is complete: a reader never sees a half-written run, and an earlier
/// run is never replaced unless asked (`force`). Finished replications are kept in
/// the working folder as they complete, so an interrupted run can be continued
/// (`resume`), but only by the same experiment (`ExperimentFingerprint`).
///
/// One process at a time: the folder is locked (`RunLock`, `.<run-id>.lock`) from
/// before it is looked at until the process ends, so a second run with the same id is
/// refused at once and `force` never removes what a live run is writing. Every file is
/// written whole under a temporary name in `tmp/` inside the hidden folder and then
/// renamed; `tmp/` and anything else that is not a result is removed before the folder
/// is made visible, and a resumed run starts by emptying it.
public struct OutputFolder: Sendable {
    public let finalURL: URL
    public let workingURL: URL
    let force: Bool
    let lock: RunLock

    /// The working folder's folder of temporary files.
    public var temporaryURL: URL { workingURL.appendingPathComponent("tmp") }

    public enum Problem: Error, CustomStringConvertible {
        case exists(String)
        case interrupted(String)
        /// The folder and who holds it (nil: not known yet).
        case busy(String, holder: String?)
        case anotherExperiment(String, [String])
        case unknownExperiment(String)
        case file(FileProblem)
        /// A table whose header is not its schema (a bug, not bad input).
        case schema(String)

        /// A failure of Runway itself (exit code 1), not of what it was given.
        public var isInternal: Bool {
            if case .schema = self { return true }
            return false
        }

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; choose another --run-id, or add --force to replace it"
            case .interrupted(let path): "an interrupted run is kept in \(path); add --resume to continue it, or --force to start over"
            case .busy(let path, let holder):
                "another run is writing \(path) (or its hidden working folder) right now"
                    + (holder.map { " (\($0))" } ?? "")
                    + ". This run wrote nothing and left the folder to that run (--force never replaces a folder a live run holds);"
                    + " wait for that run to finish, or choose another --run-id"
            case .anotherExperiment(let path, let differences):
                "cannot resume: the interrupted run in \(path) is another experiment: "
                    + differences.prefix(5).joined(separator: "; ")
                    + (differences.count > 5 ? "; and \(differences.count - 5) more" : "")
                    + ". Resume it with the command that started it, drop --resume and add --force to start over, or choose another --run-id"
            case .unknownExperiment(let path):
                "cannot resume: the interrupted run in \(path) does not record which experiment it is (an older Runway made it); drop --resume and add --force to start over"
            case .file(let problem): problem.description
            case .schema(let text): "internal failure: datapackage.json: \(text)"
            }
        }
    }

    /// Takes the folder's lock and checks, before any work is done, that the run may
    /// be written.
    public init(base: String, scenario: String, kind: RunKind = .run, runID: String, force: Bool, resume: Bool = false) throws(Problem) {
        let folder = URL(fileURLWithPath: base).appendingPathComponent(Self.safeName(scenario))
        let name = kind.folderName(runID)
        finalURL = folder.appendingPathComponent(name)
        workingURL = folder.appendingPathComponent(".\(name).partial")
        self.force = force
        do {
            try FileIO.createFolder(folder)
            switch try RunLock.acquire(folder.appendingPathComponent(".\(name).lock").path) {
            case .acquired(let lock): self.lock = lock
            case .busy(let holder): throw Problem.busy(finalURL.path, holder: holder)
            }
        } catch let problem as FileProblem {
            throw .file(problem)
        } catch {
            throw error as! Problem
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: finalURL.path) && !force { throw .exists(finalURL.path) }
        if fm.fileExists(atPath: workingURL.path) && !resume {
            guard force else { throw .interrupted(workingURL.path) }
            do { try FileIO.remove(workingURL) } catch { throw .file(error) }
        }
    }

    /// Creates the working folder, or takes up the one an interrupted run left: it must
    /// record the same `fingerprint` (when one is given), and its temporary files go.
    public func prepare(fingerprint: ExperimentFingerprint? = nil) throws(Problem) {
        let fm = FileManager.default
        let recordURL = workingURL.appendingPathComponent(ExperimentFingerprint.fileName)
        do {
            if fm.fileExists(atPath: workingURL.path), let fingerprint {
                if let data = fm.contents(atPath: recordURL.path) {
                    guard let recorded = ExperimentFingerprint(json: data) else { throw Problem.unknownExperiment(workingURL.path) }
                    let differences = fingerprint.differences(from: recorded)
                    if !differences.isEmpty { throw Problem.anotherExperiment(workingURL.path, differences) }
                } else if !((try? fm.contentsOfDirectory(atPath: parts.folder.path)) ?? []).isEmpty {
                    throw Problem.unknownExperiment(workingURL.path)
                }
            }
            try FileIO.remove(temporaryURL)
            try FileIO.createFolder(parts.folder)
            try FileIO.createFolder(temporaryURL)
            // What an interrupted write may have left among the parts (none is complete).
            for name in (try? fm.contentsOfDirectory(atPath: parts.folder.path)) ?? [] where !PartStore.isPartName(name) {
                try FileIO.remove(parts.folder.appendingPathComponent(name))
            }
            if let fingerprint, !fm.fileExists(atPath: recordURL.path) {
                try FileIO.writeAtomically(try fingerprint.json(), to: recordURL, temporaryFolder: temporaryURL)
            }
        } catch let problem as Problem {
            throw problem
        } catch let problem as FileProblem {
            throw .file(problem)
        } catch {
            throw .file(FileProblem("write", recordURL.path, code: EIO))
        }
    }

    public var parts: PartStore {
        PartStore(folder: workingURL.appendingPathComponent(PartStore.folderName), temporaryFolder: temporaryURL)
    }

    /// Writes the final files into the working folder, with a `datapackage.json` that
    /// describes its CSV files (`axes`: a sweep's keys), drops the parts unless asked
    /// to keep them, and moves the folder into place (replacing an earlier run only
    /// with `force`). Releases the lock.
    public func finish(_ files: [(name: String, contents: String)], keepParts: Bool = false, axes: [SweepAxis] = []) throws(Problem) {
        let fm = FileManager.default
        var files = files
        do {
            // Named after the scenario (or comparison) folder, not the run id: the same
            // experiment gives the same bytes, merged or not.
            let name = finalURL.deletingLastPathComponent().lastPathComponent
            if let package = try DataPackage.json(name: name, files: files, axes: axes) { files.append((DataPackage.fileName, package)) }
        } catch {
            throw .schema(String(describing: error))
        }
        do {
            try FileIO.createFolder(temporaryURL)
            for file in files {
                // A name may hold one folder ("charts/money.svg").
                let url = workingURL.appendingPathComponent(file.name)
                if file.name.contains("/") { try FileIO.createFolder(url.deletingLastPathComponent()) }
                try FileIO.writeAtomically(Data(file.contents.utf8), to: url, temporaryFolder: temporaryURL)
            }
            // Only the results become visible: no parts (unless kept), no temporary
            // files, no fingerprint, nothing an earlier attempt left behind.
            let keep = Set(files.map { String($0.name.split(separator: "/").first ?? "") } + (keepParts ? [PartStore.folderName] : []))
            for name in try fm.contentsOfDirectory(atPath: workingURL.path) where !keep.contains(name) {
                try FileIO.remove(workingURL.appendingPathComponent(name))
            }
            if fm.fileExists(atPath: finalURL.path) {
                guard force else { throw Problem.exists(finalURL.path) }
                // Set the old run aside, put the new one in place, then drop the old one.
                let replaced = finalURL.deletingLastPathComponent().appendingPathComponent(".\(finalURL.lastPathComponent).replaced")
                try FileIO.remove(replaced)
                try FileIO.move(finalURL, to: replaced)
                try FileIO.move(workingURL, to: finalURL)
                try FileIO.remove(replaced)
            } else {
                try FileIO.move(workingURL, to: finalURL)
            }
        } catch let problem as Problem {
            throw problem
        } catch let problem as FileProblem {
            throw .file(problem)
        } catch {
            throw .file(FileProblem("write into", workingURL.path, code: (error as NSError).underlyingPOSIXCode ?? EIO))
        }
        lock.release()
    }

    /// Writes a complete set of files in one go.
    public func write(_ files: [(name: String, contents: String)], axes: [SweepAxis] = []) throws(Problem) {
        try prepare()
        try finish(files, axes: axes)
    }

    /// Keeps a scenario name usable as a folder name.
    static func safeName(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        let cleaned = String(name.map { allowed.contains($0) ? $0 : "-" })
        return cleaned.isEmpty ? "scenario" : cleaned
    }
}
