import Foundation
import Testing

/// Runs the `runway` binary of this build and checks exit codes, messages and files.
/// The test target depends on the executable, so `swift test` always builds it first.
@Suite(.serialized) struct CLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle: the one this `swift test` built, never an
    /// older build from another folder.
    static var binary: URL {
        Bundle.main.bundleURL.appendingPathComponent("runway")
    }

    struct Output { let code: Int32; let out: String; let err: String }

    /// Runs the binary; `environment` adds variables (e.g. the test hooks of `FileIO`).
    static func runway(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(code: process.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("runway-cli-\(UUID().uuidString)").path
    }

    @Test func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build first: swift build")
    }

    /// The subcommands the help lists, each documented in README.md: removing or
    /// renaming one fails here.
    static let subcommands = ["run", "compare", "report", "merge", "ode", "calibrate", "validate-model", "validate", "dictionary", "schema", "bench", "serve"]

    @Test func helpExitsZeroAndListsEverySubcommand() throws {
        let r = try Self.runway(["--help"])
        #expect(r.code == 0)
        // The SUBCOMMANDS section: one line per subcommand, its name indented by two
        // spaces (continuation lines of a description are indented further).
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        let section = try #require(lines.firstIndex(of: "SUBCOMMANDS:"), "\(r.out)")
        let listed = lines[(section + 1)...].prefix { !$0.isEmpty }
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .map { String($0.dropFirst(2).prefix { $0 != " " }) }
        #expect(listed == Self.subcommands, "\(r.out)")
        for name in Self.subcommands {
            #expect(try Self.runway([name, "--help"]).code == 0, "runway \(name) --help")
        }
    }

    /// Every error starts with "runway: error: ", argument-parser's usage errors included,
    /// and the help text says what it means (no internal names such as out.output).
    @Test func errorsHaveOnePrefix() throws {
        let cases: [[String]] = [["run"], ["run", "x.yaml", "--replications", "abc"], ["bogus"], ["run", "missing.yaml"],
                                 ["compare", "Tests/Fixtures/small.yaml"]]
        for arguments in cases {
            let r = try Self.runway(arguments)
            #expect(r.code == 2, "\(arguments)")
            #expect(r.err.hasPrefix("runway: error: ") && !r.err.contains("Error: "), "\(arguments): \(r.err)")
        }
        for name in Self.subcommands {
            let help = try Self.runway([name, "--help"]).out
            #expect(!help.contains("out.output"), "runway \(name) --help: \(help)")
        }
    }

    /// The bash completion script completes scenario files, folders and metric names: it is
    /// sourced in a real bash and asked, as bash would ask it on Tab.
    @Test func shellCompletionCompletesScenariosFoldersAndMetrics() throws {
        let script = try Self.runway(["--generate-completion-script", "bash"])
        #expect(script.code == 0)
        let base = Self.temporaryFolder()
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        try script.out.write(toFile: "\(base)/runway.bash", atomically: true, encoding: .utf8)
        func complete(_ line: String) throws -> [String] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.currentDirectoryURL = Self.root
            process.arguments = ["-c", """
                shopt -s extglob; source "$1"; read -ra COMP_WORDS <<< "$2"; COMP_CWORD=$((${#COMP_WORDS[@]}-1))
                COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}; _runway runway "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """, "completion", "\(base)/runway.bash", line]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        #expect(try complete("runway run Scenarios/base") == ["Scenarios/baseline.yaml"])
        #expect(try complete("runway compare Scenarios/overnight") == ["Scenarios/overnight-2015.yaml"])
        #expect(try complete("runway run Scenarios/baseline.yaml --target-metric burden") == ["burden_index"])
        #expect(try complete("runway run Scenarios/baseline.yaml --target-metric spending_to") == ["spending_total_eur"])
        #expect(try complete("runway report Tests/Fix") == ["Tests/Fixtures"])
        #expect(try complete("runway calibrate Scenarios/baseline.yaml --targets Scenarios/targets-2") == ["Scenarios/targets-2015.csv"])
        #expect(try complete("runway calibrate Scenarios/baseline.yaml --targets Scenarios/targets").sorted() == ["Scenarios/targets-2015.csv", "Scenarios/targets-history.csv"])
    }

    @Test func validateGoodAndBadFiles() throws {
        let good = try Self.runway(["validate", "Scenarios/overnight-2015.yaml"])
        #expect(good.code == 0)
        #expect(good.out.contains("ok"))
        let bad = try Self.runway(["validate", "Tests/Fixtures/misspelt-key.yaml"])
        #expect(bad.code == 2)
        #expect(bad.err.contains("Tests/Fixtures/misspelt-key.yaml:4:5: budget.cut.fracton: unknown key; did you mean 'fraction'"), "\(bad.err)")
        let badSet = try Self.runway(["validate", "Scenarios/baseline.yaml", "--set", "budget.cut.fraction=abc"])
        #expect(badSet.code == 2)
        #expect(badSet.err.contains("--set budget.cut.fraction=abc: budget.cut.fraction: expected a fraction between 0 and 1, got 'abc'"), "\(badSet.err)")
        let missing = try Self.runway(["validate", "Scenarios/no-such.yaml"])
        #expect(missing.code == 2)
        #expect(missing.err.contains("no such scenario file"))
        let usage = try Self.runway(["run", "--no-such-option"])
        #expect(usage.code == 2)
    }

    @Test func runWritesFilesAndSameSeedGivesIdenticalBytes() throws {
        let base = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let common = ["run", "Tests/Fixtures/small.yaml", "--replications", "2", "--seed", "11", "--output", base, "--quiet"]
        #expect(try Self.runway(common + ["--run-id", "a", "--jobs", "1"]).code == 0)
        #expect(try Self.runway(common + ["--run-id", "b", "--jobs", "2"]).code == 0)
        for file in ["timeseries.csv", "summary.csv"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(base)/small/a/\(file)"))
            let b = try Data(contentsOf: URL(fileURLWithPath: "\(base)/small/b/\(file)"))
            #expect(a == b, "\(file) differs between two runs with the same seed")
            #expect(a.count > 1000)
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(base)/small/a/run.json"))) as! [String: Any]
        #expect(manifest["seed"] as? Int == 11)
        #expect(manifest["replications"] as? Int == 2)
        #expect((manifest["gsl_version"] as? String)?.hasPrefix("2.") == true)
        #expect(manifest["parameters"] is [String: Any])
    }

    @Test func existingRunIsNotOverwrittenUnlessForced() throws {
        let base = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let args = ["run", "Tests/Fixtures/small.yaml", "--replications", "1", "--output", base, "--run-id", "same", "--quiet"]
        #expect(try Self.runway(args).code == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(base)/small/same/run.json"))
        let again = try Self.runway(args)
        #expect(again.code == 2)
        #expect(again.err.contains("already exists"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(base)/small/same/run.json")) == before)
        #expect(try Self.runway(args + ["--force"]).code == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(base)/small") == ["same"])
    }

    @Test func badScenarioLeavesNothingInOutput() throws {
        let base = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try Self.runway(["run", "Tests/Fixtures/out-of-range.yaml", "--output", base, "--quiet"])
        #expect(r.code == 2)
        #expect(r.err.contains("out-of-range.yaml:4:15: budget.cut.fraction: expected a fraction between 0 and 1, got 1.5"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: base))
    }
}
