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
    static let subcommands = ["run", "compare", "report", "merge", "ode", "calibrate", "validate-model", "validate", "dictionary", "bench", "serve"]

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
