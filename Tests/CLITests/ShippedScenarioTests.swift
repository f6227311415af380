import Foundation
import Testing

/// Every scenario shipped in `Scenarios/` is valid and runs: `runway validate` accepts it
/// as it stands, and a brief run (one replication of a small municipality, results for
/// 2013-2015 only) writes its files. The list is read from disk, so a new scenario file
/// is covered without touching this test.
@Suite struct ShippedScenarioTests {
    typealias CLI = CLITests

    static let scenarios: [String] = {
        let folder = CLI.root.appendingPathComponent("Scenarios").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// Small and fast: 1,500 children, the horizon ending on 1 January 2016 (three years
    /// after warm-up, the 2015 transition included), one replication.
    static let brief = ["--replications", "1", "--jobs", "1", "--set", "population.children=1500", "--set", "horizon.end=2016-01-01"]

    /// Scenarios that are not the baseline's size also get their money scaled to 1,500
    /// children (the baseline's amounts per child), so that the brief run keeps their proportions.
    static let scaled: [String: [String]] = [
        "nl-2015.yaml": ["--set", "budget.baseline_eur_per_year=1733333", "--set", "budget.reserve_eur=166667",
                         "--set", "services.debt_help.budget_eur_per_year=41667"],
        "nl-history.yaml": ["--set", "budget.baseline_eur_per_year=1727273", "--set", "budget.reserve_eur=166818",
                            "--set", "services.debt_help.budget_eur_per_year=41667",
                            // Its dated inputs lie after the brief horizon's end; they are 1 up to 2015.
                            "--set", "budget.income_factor=1", "--set", "budget.price_index=1"],
    ]

    @Test func theShippedScenariosAreFound() {
        #expect(Self.scenarios.contains("baseline.yaml"))
        #expect(Self.scenarios.count >= 22, "\(Self.scenarios)")
        #expect(Set(Self.scaled.keys).isSubset(of: Self.scenarios), "a scaled scenario was renamed or removed")
    }

    @Test(arguments: scenarios) func validatesAndRunsBriefly(_ file: String) throws {
        let path = "Scenarios/\(file)"
        let valid = try CLI.runway(["validate", path])
        #expect(valid.code == 0, "\(valid.err)")
        #expect(valid.out.contains("\(path): ok"), "\(valid.out)")

        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let run = try CLI.runway(["run", path, "--output", base, "--run-id", "brief", "--quiet"] + Self.brief + (Self.scaled[file] ?? []))
        try #require(run.code == 0, "\(file): \(run.err)")
        let written = try FileManager.default.contentsOfDirectory(atPath: base)
        try #require(written.count == 1, "\(written)")
        let summary = "\(base)/\(written[0])/what-if-brief/summary.csv"  // the brief run changes values with --set
        let lines = try String(contentsOfFile: summary, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2, "\(file): a header and one replication")
    }
}
