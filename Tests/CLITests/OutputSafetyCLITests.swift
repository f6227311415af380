import Foundation
import Testing

/// One writer per run folder, resumes of the same experiment only, whole files only,
/// plain messages for file-system failures and resource limits (issue 13), through the
/// built binary.
@Suite(.serialized) struct OutputSafetyCLITests {
    typealias CLI = CLITests

    static let resultFiles = ["charts", "datapackage.json", "equity.csv", "report.html", "run.json", "summary.csv", "summary_stats.csv", "timeseries.csv",
                              "timeseries_stats.csv", "yearly.csv", "yearly_stats.csv"]

    /// Starts the binary without waiting for it (standard output and error discarded).
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The binary with extra environment variables (the test hooks of `FileIO`).
    static func runway(_ arguments: [String], environment: [String: String]) throws -> CLI.Output {
        try CLI.runway(arguments, environment: environment)
    }

    /// Waits up to `seconds` for `condition`.
    static func waitFor(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    static func listing(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test func aSecondRunWithTheSameIdIsRefusedAtOnceAndAQuietRunStopsOnCtrlC() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let common = ["run", "Tests/Fixtures/small.yaml", "--output", base, "--run-id", "same", "-q"]
        let long = try Self.start(common + ["--replications", "500", "--jobs", "1"])
        defer { if long.isRunning { kill(long.processIdentifier, SIGKILL) } }
        let parts = "\(base)/small/.same.partial/parts"
        try #require(Self.waitFor(20) { Self.listing(parts).contains { $0.hasSuffix(".summary.csv") } }, "the long run saves a replication")

        for extra in [["--force"], ["--resume"], []] {
            let started = Date()
            let second = try CLI.runway(common + ["--replications", "1"] + extra)
            #expect(second.code == 2, "\(extra): \(second.err)")
            #expect(second.err.contains("another run is writing"), "\(second.err)")
            #expect(Date().timeIntervalSince(started) < 5, "refused at once")
        }
        #expect(long.isRunning, "--force did not stop or disturb the run that holds the folder")
        #expect(FileManager.default.fileExists(atPath: parts), "--force did not remove the folder another process holds")

        // Ctrl-C on a --quiet run: exit 130, the finished replications kept.
        long.interrupt()
        try #require(Self.waitFor(20) { !long.isRunning }, "SIGINT stops the run")
        #expect(long.terminationStatus == 130)
        #expect(!Self.listing(parts).isEmpty)
        #expect(Self.listing("\(base)/small") == [".same.partial"], "no lock file or visible folder left")
    }

    /// The rows of replication `replication` in a run folder's per-replication tables
    /// (whose CSVs a folder holds: the same seed gives the same rows).
    static func rows(_ folder: String, replication: Int) throws -> [String: [Substring]] {
        var rows: [String: [Substring]] = [:]
        for name in ["summary.csv", "timeseries.csv", "equity.csv"] {
            let text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
            rows[name] = text.split(separator: "\n").filter { $0.hasPrefix("\(replication),") }
        }
        return rows
    }

    /// The seed and replication count run.json records, and the replications summary.csv holds.
    static func recorded(_ folder: String) throws -> (seed: Int?, replications: Int?, summaryRows: [Substring]) {
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/run.json"))) as? [String: Any])
        let summary = try String(contentsOfFile: "\(folder)/summary.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        return (json["seed"] as? Int, json["replications"] as? Int, summary.map { $0.prefix { $0 != "," } })
    }

    /// Holds a run at a known moment: writing `file` stops halfway (`RUNWAY_TEST_PAUSE_WRITING`)
    /// until the returned closure is called. Returns the process and that closure.
    static func startPaused(_ arguments: [String], at file: String, temporaryFolder: String) throws -> (Process, () -> Void) {
        let process = try start(arguments, environment: ["RUNWAY_TEST_PAUSE_WRITING": file])
        var marker: String?
        let paused = waitFor(60) {
            marker = listing(temporaryFolder).first { $0.hasPrefix("\(file).") && $0.hasSuffix(".paused") }
            return marker != nil || !process.isRunning
        }
        if !paused || marker == nil { kill(process.processIdentifier, SIGKILL) }
        try #require(paused && marker != nil, "the run pauses while writing \(file)")
        return (process, { try? FileManager.default.removeItem(atPath: "\(temporaryFolder)/\(marker!)") })
    }

    /// Issue 26: a second run with the same --run-id and --force while the first holds the
    /// folder (in the middle of its replications, and while it replaces an earlier run in
    /// its final write) is refused, says which run holds the folder and that it wrote
    /// nothing, and the folder is afterwards entirely the first run's; once the first has
    /// ended, --force replaces it wholly.
    @Test func aForcedRunNeverTouchesAFolderALiveRunHolds() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let common = ["run", "Tests/Fixtures/small.yaml", "--output", base, "-q", "--jobs", "1"]
        let folder = "\(base)/small/same", temporary = "\(base)/small/.same.partial/tmp"
        // Replication 0 of seeds 11 and 99 on their own: whose rows a folder holds.
        for seed in [11, 99] {
            let r = try CLI.runway(common + ["--run-id", "ref\(seed)", "--replications", "1", "--seed", "\(seed)"])
            try #require(r.code == 0, "\(r.err)")
        }
        let ref11 = try Self.rows("\(base)/small/ref11", replication: 0), ref99 = try Self.rows("\(base)/small/ref99", replication: 0)
        try #require(ref11 != ref99 && ref11.values.allSatisfy { !$0.isEmpty })

        // The first run, held while it saves its second replication.
        let first = ["--run-id", "same", "--replications", "3", "--seed", "11"]
        var (running, resume) = try Self.startPaused(common + first, at: "p0000-r000001.summary.csv", temporaryFolder: temporary)
        defer { if running.isRunning { kill(running.processIdentifier, SIGKILL) } }
        let forced = ["--run-id", "same", "--replications", "2", "--seed", "99", "--force"]
        var second = try CLI.runway(common + forced)
        #expect(second.code == 2, "\(second.err)")
        #expect(second.err.contains("another run is writing \(folder)"), "\(second.err)")
        #expect(second.err.contains("process \(running.processIdentifier), started "), "names the run that holds the folder: \(second.err)")
        #expect(second.err.contains("--run-id same --replications 3 --seed 11"), "with its command: \(second.err)")
        #expect(second.err.contains("This run wrote nothing"), "\(second.err)")
        #expect(Self.listing("\(base)/small") == [".same.lock", ".same.partial", "ref11", "ref99"], "nothing of the second run's")
        #expect(Self.listing("\(base)/small/.same.partial/parts").filter { $0.hasPrefix("p0000-r000000.") }.count == 3, "the first run's part kept")
        resume()
        try #require(Self.waitFor(60) { !running.isRunning }, "the first run finishes")
        #expect(running.terminationStatus == 0)
        var held = try Self.recorded(folder)
        #expect(held.seed == 11 && held.replications == 3 && held.summaryRows == ["0", "1", "2"], "\(held)")
        #expect(try Self.rows(folder, replication: 0) == ref11, "the CSVs are the first run's")
        #expect(Self.listing(folder) == Self.resultFiles)
        #expect(Self.listing("\(base)/small") == ["ref11", "ref99", "same"], "no lock, working or set-aside folder left")

        // Once the first has ended, --force replaces its folder wholly.
        second = try CLI.runway(common + forced)
        #expect(second.code == 0, "\(second.err)")
        held = try Self.recorded(folder)
        #expect(held.seed == 99 && held.replications == 2 && held.summaryRows == ["0", "1"], "\(held)")
        #expect(try Self.rows(folder, replication: 0) == ref99, "the CSVs are the second run's")
        #expect(Self.listing(folder) == Self.resultFiles)
        #expect(Self.listing("\(base)/small") == ["ref11", "ref99", "same"])

        // A forced run held in its final write, while it replaces that folder: another
        // forced run is refused, the folder left is the seed-99 run until the held run
        // puts its own in place.
        (running, resume) = try Self.startPaused(common + first + ["--force"], at: "summary.csv", temporaryFolder: temporary)
        let third = try CLI.runway(common + ["--run-id", "same", "--replications", "1", "--seed", "5", "--force"])
        #expect(third.code == 2 && third.err.contains("This run wrote nothing"), "\(third.err)")
        held = try Self.recorded(folder)
        #expect(held.seed == 99 && held.replications == 2, "the folder is still the earlier run's: \(held)")
        resume()
        try #require(Self.waitFor(60) { !running.isRunning }, "the held run finishes")
        #expect(running.terminationStatus == 0)
        held = try Self.recorded(folder)
        #expect(held.seed == 11 && held.replications == 3 && held.summaryRows == ["0", "1", "2"], "\(held)")
        #expect(try Self.rows(folder, replication: 0) == ref11)
        #expect(Self.listing(folder) == Self.resultFiles)
        #expect(Self.listing("\(base)/small") == ["ref11", "ref99", "same"])
    }

    @Test func resumeRefusesAnotherExperiment() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let common = ["run", "Tests/Fixtures/small.yaml", "--replications", "2", "--output", base, "--run-id", "r", "-q", "--jobs", "1"]
        #expect(try CLI.runway(common + ["--interrupt-after", "1"]).code == 130)

        let seed = try CLI.runway(common + ["--resume", "--seed", "43"])
        #expect(seed.code == 2)
        #expect(seed.err.contains("experiment.seed: 7 in the interrupted run, 43 now"), "\(seed.err)")
        #expect(!FileManager.default.fileExists(atPath: "\(base)/small/r"))

        // A what-if and a sweep have folders of their own (what-if-r, sweep-r): each is
        // resumed only by the same experiment.
        let whatIf = common + ["--set", "budget.cut.fraction=0.1"]
        #expect(try CLI.runway(whatIf + ["--interrupt-after", "1"]).code == 130)
        let set = try CLI.runway(common + ["--resume", "--set", "budget.cut.fraction=0.2"])
        #expect(set.code == 2)
        #expect(set.err.contains("budget.cut.fraction: 0.1 in the interrupted run, 0.2 now"), "\(set.err)")
        let sweepRun = common + ["--sweep", "budget.cut.fraction=0,0.1"]
        #expect(try CLI.runway(sweepRun + ["--interrupt-after", "1"]).code == 130)
        let sweep = try CLI.runway(common + ["--resume", "--sweep", "budget.cut.fraction=0,0.2"])
        #expect(sweep.code == 2)
        #expect(sweep.err.contains("sweep:"), "\(sweep.err)")
        #expect(Self.listing("\(base)/small") == [".r.partial", ".sweep-r.partial", ".what-if-r.partial"])

        let same = try CLI.runway(common + ["--resume"])
        #expect(same.code == 0, "\(same.err)")
        #expect(Self.listing("\(base)/small/r") == Self.resultFiles)
    }

    @Test func aKillDuringTheFinalWriteLeavesNoStrayFile() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let common = ["run", "Tests/Fixtures/small.yaml", "--replications", "1", "--output", base, "--run-id", "k", "-q"]
        let stalled = try Self.start(common, environment: ["RUNWAY_TEST_STALL_WRITING": "summary.csv"])
        defer { if stalled.isRunning { kill(stalled.processIdentifier, SIGKILL) } }
        let temporary = "\(base)/small/.k.partial/tmp"
        try #require(Self.waitFor(20) { Self.listing(temporary).contains { $0.hasSuffix(".stalled") } }, "the run stalls halfway through summary.csv")
        kill(stalled.processIdentifier, SIGKILL)
        stalled.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: "\(base)/small/k"), "nothing visible")
        #expect(Self.listing(temporary).contains { $0.hasPrefix("summary.csv.") }, "the truncated file is a temporary one, in the hidden folder")

        let resumed = try CLI.runway(common + ["--resume"])
        #expect(resumed.code == 0, "\(resumed.err)")
        #expect(Self.listing("\(base)/small/k") == Self.resultFiles, "no temporary, part or fingerprint file in the finished folder")
        #expect(Self.listing("\(base)/small") == ["k"])
        let summary = try String(contentsOfFile: "\(base)/small/k/summary.csv", encoding: .utf8)
        #expect(summary.split(separator: "\n").count == 2, "header and one replication")
    }

    @Test func aFullDiskIsAPlainErrorAndLeavesNothingVisible() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let common = ["run", "Tests/Fixtures/small.yaml", "--replications", "2", "--output", base, "--run-id", "d", "-q", "--jobs", "1"]
        // While saving a replication.
        let part = try Self.runway(common, environment: ["RUNWAY_TEST_FAIL_WRITING": "p0000-r000001.summary.csv"])
        #expect(part.code == 2)
        #expect(part.err.contains("cannot write \(base)/small/.d.partial/parts/p0000-r000001.summary.csv: the disk is full"), "\(part.err)")
        #expect(part.err.contains("--resume"), "\(part.err)")
        #expect(!part.err.contains("NSCocoaErrorDomain") && !part.err.contains("internal failure"), "\(part.err)")
        #expect(Self.listing("\(base)/small") == [".d.partial"])
        #expect(Self.listing("\(base)/small/.d.partial/tmp").isEmpty, "the failed file's temporary is gone")
        // While writing the final files.
        let final = try Self.runway(common + ["--resume"], environment: ["RUNWAY_TEST_FAIL_WRITING": "summary_stats.csv"])
        #expect(final.code == 2)
        #expect(final.err.contains("summary_stats.csv: the disk is full"), "\(final.err)")
        #expect(Self.listing("\(base)/small") == [".d.partial"], "nothing half-written visible")
        // Once there is room again.
        #expect(try CLI.runway(common + ["--resume"]).code == 0)
        #expect(Self.listing("\(base)/small/d") == Self.resultFiles)
    }

    @Test func anEmptyOrNonFolderOutputIsAnError() throws {
        let empty = try CLI.runway(["run", "Tests/Fixtures/small.yaml", "--replications", "1", "--output", "", "-q"])
        #expect(empty.code == 2)
        #expect(empty.err.contains("--output must name a folder"), "\(empty.err)")
        let file = CLI.temporaryFolder()
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let notFolder = try CLI.runway(["run", "Tests/Fixtures/small.yaml", "--replications", "1", "--output", file, "-q"])
        #expect(notFolder.code == 2)
        #expect(notFolder.err.contains("cannot use \(file): it is a file, not a folder"), "\(notFolder.err)")
        #expect(!notFolder.err.contains("NSCocoaErrorDomain"))
    }

    @Test func aRunThatWillNotFitInMemoryIsRefused() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLI.runway(["run", "Tests/Fixtures/small.yaml", "--replications", "2", "--output", base, "-q", "--max-memory", "0.01"])
        #expect(r.code == 2)
        #expect(r.err.contains("more than the limit of 10 MB (--max-memory 0.01)"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: base), "nothing written")
        let huge = try CLI.runway(["run", "Tests/Fixtures/small.yaml", "--replications", "100000", "--output", base, "-q"])
        #expect(huge.code == 2)
        #expect(huge.err.contains("memory"), "\(huge.err)")
    }

    @Test func identicalRunsGiveIdenticalManifestsApartFromTimes() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        var manifests: [[String: Any]] = []
        for id in ["one", "two"] {
            let r = try CLI.runway(["run", "Tests/Fixtures/small.yaml", "--replications", "1", "--output", base, "--run-id", id, "-q",
                                    "--set", "population.risk_groups[1].share=0.14", "--set", "population.risk_groups[0].share=0.78"])
            try #require(r.code == 0, "\(r.err)")
            var json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(base)/small/what-if-\(id)/run.json"))) as? [String: Any])
            json["started_at"] = nil
            json["wall_seconds"] = nil
            manifests.append(json)
        }
        let data = try manifests.map { try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) }
        #expect(data[0] == data[1], "run.json differs between identical runs")
        let differences = try #require(manifests[0]["differences_from_base"] as? [String: [String: Any]])
        #expect(differences["population.risk_groups"] != nil, "the changed list is listed")
        for (key, pair) in differences {
            let a = try JSONSerialization.data(withJSONObject: pair["base"]!, options: [.sortedKeys, .fragmentsAllowed])
            let b = try JSONSerialization.data(withJSONObject: pair["scenario"]!, options: [.sortedKeys, .fragmentsAllowed])
            #expect(a != b, "\(key) is listed as changed but is the same")
        }
    }

    @Test func aTargetMetricWithoutVarianceStopsAddingReplications() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        // `indications` is always 0 in the small fixture (no indication step).
        let r = try CLI.runway(["run", "Tests/Fixtures/small.yaml", "--replications", "2", "--output", base, "--run-id", "t", "-q",
                                "--target-half-width", "1e-12", "--target-metric", "indications", "--max-replications", "6"])
        #expect(r.code == 0, "\(r.err)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(base)/small/t/run.json"))) as? [String: Any])
        #expect(json["replications"] as? Int == 2, "a width of 0 meets any target")
    }
}
