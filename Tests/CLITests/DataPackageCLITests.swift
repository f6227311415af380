import Foundation
import Testing

/// Typed tables: every kind of run folder carries a datapackage.json that the reference
/// validator (Python `frictionless`, which `make test` installs in a venv) accepts, and
/// the CSV files keep one convention for missing values and booleans.
@Suite(.serialized) struct DataPackageCLITests {
    typealias CLI = CLITests

    /// `frictionless` in the venv `make frictionless` (part of `make test`) creates.
    static var frictionless: String? {
        let path = CLI.root.appendingPathComponent(".build/frictionless-venv/bin/frictionless").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Runs `frictionless validate` on a folder's datapackage.json: its exit code and report.
    static func validate(_ folder: String) throws -> (code: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: frictionless!)
        process.arguments = ["validate", "--json", "datapackage.json"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The descriptor's resources: file name -> its fields (name, type, description).
    static func resources(_ folder: String) throws -> [String: [[String: Any]]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/datapackage.json"))
        let package = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let resources = try #require(package["resources"] as? [[String: Any]])
        var out: [String: [[String: Any]]] = [:]
        for r in resources {
            let schema = try #require(r["schema"] as? [String: Any])
            out[try #require(r["path"] as? String)] = try #require(schema["fields"] as? [[String: Any]])
        }
        return out
    }

    /// Every CSV of the folder: no `inf`/`nan`, no -1 for "unlimited", booleans only as true/false.
    static func checkConventions(_ folder: String) throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".csv") {
            let text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
            let lines = text.split(separator: "\n")
            let header = lines[0].split(separator: ",").map(String.init)
            for line in lines.dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                for (name, value) in zip(header, fields) {
                    let lower = value.lowercased()
                    #expect(!lower.contains("inf") && !lower.contains("nan"), "\(file): \(name) = \(value)")
                    if name.hasPrefix("capacity_") { #expect(!value.hasPrefix("-"), "\(file): \(name) = \(value)") }
                    if ["in_warmup", "distinguishable", "passed"].contains(name) { #expect(value == "true" || value == "false", "\(file): \(name) = \(value)") }
                }
            }
            #expect(header.allSatisfy { $0.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil }, "\(file): \(header)")
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["RUNWAY_SKIP_FRICTIONLESS"] == nil))
    func everyKindOfRunFolderIsAValidDataPackage() throws {
        guard Self.frictionless != nil else {
            Issue.record("frictionless is missing: `make test` installs it (make frictionless: a venv in .build/frictionless-venv); set RUNWAY_SKIP_FRICTIONLESS=1 to skip this test")
            return
        }
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let commands: [(folder: String, arguments: [String])] = [
            ("small/r", ["run", "Tests/Fixtures/small.yaml", "--replications", "2"]),
            ("small/sweep-s", ["run", "Tests/Fixtures/small.yaml", "--replications", "2", "--sweep", "budget.cut.fraction=0,0.3", "--sweep", "budget.cut.runway_years=0,5"]),
            ("compare/small-vs-small-cut/c", ["compare", "Tests/Fixtures/small.yaml", "Tests/Fixtures/small-cut.yaml", "--replications", "2"]),
            ("small/ode-o", ["ode", "Tests/Fixtures/small.yaml"]),
            ("small/m1", ["run", "Tests/Fixtures/small.yaml", "--replications", "2", "--shard", "1/2"]),
            ("small/m2", ["run", "Tests/Fixtures/small.yaml", "--replications", "2", "--shard", "2/2"]),
        ]
        for c in commands {
            // The run kind's prefix (sweep-, ode-) is Runway's, not part of the run id.
            let id = String(c.folder.split(separator: "/").last!.split(separator: "-").last!)
            let r = try CLI.runway(c.arguments + ["--output", base, "--run-id", c.folder.hasPrefix("small/m") ? "m" : id, "--quiet"])
            try #require(r.code == 0, "\(c.arguments): \(r.err)")
        }
        let merged = try CLI.runway(["merge", "\(base)/small/m-shard-1-of-2", "\(base)/small/m-shard-2-of-2", "--output", base, "--run-id", "merged", "--quiet"])
        try #require(merged.code == 0, "\(merged.err)")
        for folder in ["small/r", "small/sweep-s", "compare/small-vs-small-cut/c", "small/ode-o", "small/merged"] {
            let path = "\(base)/\(folder)"
            let result = try Self.validate(path)
            #expect(result.code == 0, "\(folder): frictionless validate failed:\n\(result.output.prefix(3000))")
            try Self.checkConventions(path)
            // Every CSV of the folder is described.
            let csvs = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".csv") }.sorted()
            #expect(try Self.resources(path).keys.sorted() == csvs, "\(folder)")
        }

        // The sweep's keys are identifiers, with the dotted key in the description.
        let sweep = try #require(try Self.resources("\(base)/small/sweep-s")["sweep.csv"])
        let key = try #require(sweep.first { $0["name"] as? String == "budget_cut_fraction" })
        #expect((key["description"] as? String)?.contains("budget.cut.fraction") == true)
        #expect(key["type"] as? String == "number")
        // Types and units come from the declarations: a date, a boolean, a metric with its unit.
        let series = try #require(try Self.resources("\(base)/small/r")["timeseries.csv"])
        #expect(series.first { $0["name"] as? String == "period_start" }?["type"] as? String == "date")
        #expect(series.first { $0["name"] as? String == "in_warmup" }?["type"] as? String == "boolean")
        #expect(series.first { $0["name"] as? String == "spending_total_eur" }?["unit"] as? String == "EUR")

        // The validator is not a rubber stamp: a boolean written as 1 fails it.
        let run = "\(base)/small/r"
        let text = try String(contentsOfFile: "\(run)/timeseries.csv", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let broken = ([lines[0], lines[1].replacingOccurrences(of: ",true,", with: ",1,")] + lines.dropFirst(2)).joined(separator: "\n")
        #expect(broken != text)
        try broken.write(toFile: "\(run)/timeseries.csv", atomically: true, encoding: .utf8)
        let invalid = try Self.validate(run)
        #expect(invalid.code != 0 && invalid.output.contains("type-error"), "\(invalid.output.prefix(2000))")
    }
}
