import CareModel
import Foundation
import ScenarioIO
import Stochastics
import Synchronization
import Testing

/// Generated hostile scenario files and `--set` values go through `ScenarioLoader.load`
/// and `CompiledModel` in this process (a sample also through a short replication at a
/// tiny population). Each must end in a value or a thrown `ScenarioError` or
/// `DistributionError` (exit code 2); a `ModelError` (exit code 1: a value the checks let
/// through) or any other error fails the test, and a trap or a hang kills it.
///
/// `swift test` tries a bounded sample (`RUNWAY_FUZZ_CASES`, default 2,000); `make fuzz`
/// tries 100,000. Before each input is tried it is written to
/// `RUNWAY_FUZZ_DIR/current-input.txt` (its file to `input.yaml` next to it), so that the
/// input that killed the process can be read afterwards. A watchdog stops the process
/// with the input printed when one input takes more than 10 s or the process holds more
/// than 1 GiB.
@Suite struct ScenarioFuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    enum Outcome: String, CaseIterable {
        case accepted
        case rejected = "rejected (exit 2)"
        case internalError = "internal error (exit 1)"
        case unexpected = "unexpected error"
    }

    static func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }

    @Test func generatedInputsEndInAValueOrAnError() throws {
        let cases = Self.environment("RUNWAY_FUZZ_CASES").flatMap { Int($0) } ?? 2_000
        let seed = Self.environment("RUNWAY_FUZZ_SEED").flatMap { UInt64($0) } ?? 20_260_101
        let first = Self.environment("RUNWAY_FUZZ_FIRST").flatMap { Int($0) } ?? 0
        let folder = Self.environment("RUNWAY_FUZZ_DIR")
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("runway-fuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let keepFolder = Self.environment("RUNWAY_FUZZ_DIR") != nil
        defer { if !keepFolder { try? FileManager.default.removeItem(atPath: folder) } }

        let fuzzer = try ScenarioFuzzer(seed: seed, baselinePath: Self.root.appendingPathComponent("Scenarios/baseline.yaml").path,
                                        folder: folder)
        // The memory limit only when the fuzz runs alone (make fuzz): in the whole suite,
        // other tests share the process.
        let watchdog = Watchdog(currentFile: "\(folder)/current-input.txt", checkMemory: Self.environment("RUNWAY_FUZZ_CASES") != nil)
        watchdog.start()
        defer { watchdog.stop() }

        var counts: [FuzzClass: [Outcome: Int]] = [:]
        var runs = 0
        var failures: [String] = []
        var examples: [FuzzClass: String] = [:]
        let started = Date()
        // The generator's stream advances the same way whatever the first index, so a
        // chunk [first, first + cases) gives the inputs of one long run.
        for index in 0..<(first + cases) {
            let input = fuzzer.next(index)
            guard index >= first else { continue }
            try save(input, folder: folder)
            watchdog.begin(index)
            let (outcome, message, didRun) = Self.attempt(input)
            watchdog.end()
            counts[input.kind, default: [:]][outcome, default: 0] += 1
            if didRun { runs += 1 }
            if outcome == .rejected && examples[input.kind] == nil { examples[input.kind] = message }
            if outcome == .internalError || outcome == .unexpected {
                failures.append("\(outcome.rawValue): \(message)\n\(input.description)")
            }
        }
        let report = Self.report(counts, runs: runs, seed: seed, first: first, cases: cases,
                                 seconds: Date().timeIntervalSince(started), examples: examples)
        print(report)
        if let path = Self.environment("RUNWAY_FUZZ_REPORT") { try report.write(toFile: path, atomically: true, encoding: .utf8) }
        #expect(failures.isEmpty, "\(failures.count) input(s) ended in an internal or unexpected error; the first:\n\(failures.first ?? "")")
    }

    /// Writes the input (and its files) to disk before it is tried.
    func save(_ input: FuzzInput, folder: String) throws {
        try input.description.write(toFile: "\(folder)/current-input.txt", atomically: false, encoding: .utf8)
        if let bytes = input.fileBytes { try Data(bytes).write(to: URL(fileURLWithPath: input.path)) }
        for (path, text) in input.otherFiles { try text.write(toFile: path, atomically: false, encoding: .utf8) }
    }

    /// Loads, compiles and (for a sample) runs one input.
    static func attempt(_ input: FuzzInput) -> (Outcome, String, Bool) {
        do {
            let loaded = try ScenarioLoader.load(path: input.path, overrides: input.overrides)
            let model = try CompiledModel(loaded.parameters)
            let p = loaded.parameters
            // Only tiny runs: the generated values may have changed the population or horizon.
            if input.run && p.population.children <= 2_000 && p.horizon.end.year - p.horizon.start.year <= 3 {
                _ = try Replication(model: model, replication: 0).run()
                return (.accepted, "", true)
            }
            return (.accepted, "", false)
        } catch let error as ScenarioError {
            return (.rejected, error.description, false)
        } catch let error as DistributionError {
            return (.rejected, "scenario: \(error.description)", false)
        } catch let error as ModelError {
            return (.internalError, error.description, false)
        } catch {
            return (.unexpected, "\(type(of: error)): \(error)", false)
        }
    }

    static func report(_ counts: [FuzzClass: [Outcome: Int]], runs: Int, seed: UInt64, first: Int, cases: Int,
                       seconds: Double, examples: [FuzzClass: String]) -> String {
        var text = "Scenario fuzz: \(cases) inputs (#\(first)..<#\(first + cases), seed \(seed)) in \(String(format: "%.1f", seconds)) s, \(runs) short runs\n"
        text += "| class | inputs | " + Outcome.allCases.map(\.rawValue).joined(separator: " | ") + " |\n"
        text += "|---|---:|" + String(repeating: "---:|", count: Outcome.allCases.count) + "\n"
        var totals: [Outcome: Int] = [:]
        for kind in FuzzClass.allCases {
            let row = counts[kind] ?? [:]
            text += "| \(kind.rawValue) | \(row.values.reduce(0, +)) | " + Outcome.allCases.map { String(row[$0] ?? 0) }.joined(separator: " | ") + " |\n"
            for (outcome, n) in row { totals[outcome, default: 0] += n }
        }
        text += "| all | \(totals.values.reduce(0, +)) | " + Outcome.allCases.map { String(totals[$0] ?? 0) }.joined(separator: " | ") + " |\n"
        text += "\nA rejection of each class, for the wording:\n"
        for kind in FuzzClass.allCases {
            if let example = examples[kind] { text += "- \(kind.rawValue): \(example.prefix(300))\n" }
        }
        return text
    }
}

/// Stops the process, printing the input being tried, when it takes more than 150 s or
/// the process's resident memory goes above 1 GiB (a hang or a blow-up would otherwise
/// leave `swift test` running with nothing said).
final class Watchdog: @unchecked Sendable {
    let currentFile: String
    private let state = Mutex<(index: Int, since: Date?)>((-1, nil))
    private let running = Atomic<Bool>(false)
    // Compiling a settled start searches the twin's steady state: several cohort solves,
    // about 1 s each in a debug build and up to 24 s for some values, slower while the
    // other suites run beside it (see ScenarioFuzzer: most inputs start all well).
    static let maxSeconds = 150.0
    static let maxBytes = 1 << 30

    let checkMemory: Bool

    init(currentFile: String, checkMemory: Bool) {
        self.currentFile = currentFile
        self.checkMemory = checkMemory
    }

    func begin(_ index: Int) { state.withLock { $0 = (index, Date()) } }
    func end() { state.withLock { $0.since = nil } }
    func stop() { running.store(false, ordering: .relaxed) }

    func start() {
        running.store(true, ordering: .relaxed)
        let thread = Thread { [self] in
            while running.load(ordering: .relaxed) {
                Thread.sleep(forTimeInterval: 0.25)
                let (index, since) = state.withLock { ($0.index, $0.since) }
                let resident = checkMemory ? Self.residentBytes() : 0
                if let since, Date().timeIntervalSince(since) > Self.maxSeconds {
                    fail("input #\(index) has taken more than \(Self.maxSeconds) s (a hang?)")
                }
                if resident > Self.maxBytes {
                    fail("input #\(index): the process holds \(resident / (1 << 20)) MiB, more than 1 GiB")
                }
            }
        }
        thread.start()
    }

    private func fail(_ why: String) -> Never {
        let input = (try? String(contentsOfFile: currentFile, encoding: .utf8)) ?? "(not saved)"
        FileHandle.standardError.write(Data("\nfuzz: \(why). The input, saved in \(currentFile):\n\(input)\n".utf8))
        exit(3)
    }

    /// Resident memory of this process (Linux: /proc/self/statm; 0 elsewhere).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
