import Foundation
import Testing

/// Back tests: the small fixture and three lever fixtures are run through the built
/// binary and every output file is compared byte for byte with the stored one in
/// `Tests/Fixtures/expected/<fixture>/`. A refactoring must leave them as they are; a
/// deliberate change of results rewrites them with `make expected`, and the diff of the
/// stored files is reviewed with the commit that explains it.
@Suite(.serialized) struct BackTests {
    typealias CLI = CLITests

    /// The fixtures in `Tests/Fixtures/backtest/`, each stored under its scenario name.
    static let fixtures = ["small", "households", "organisations", "money"]
    /// What every back-test run writes except `run.json` (which holds times and paths).
    static let files = ["timeseries.csv", "summary.csv", "summary_stats.csv", "timeseries_stats.csv", "yearly.csv", "yearly_stats.csv", "equity.csv", "stories.md"]
    /// The same arguments as `make expected`: two threads, three stories.
    static func arguments(_ fixture: String, output: String) -> [String] {
        ["run", "Tests/Fixtures/backtest/\(fixture).yaml", "--output", output, "--run-id", "expected",
         "--jobs", "2", "--stories", "3", "--quiet"]
    }

    @Test(arguments: fixtures) func outputsMatchTheStoredOnes(_ fixture: String) throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLI.runway(Self.arguments(fixture, output: base))
        try #require(r.code == 0, "\(r.err)")
        let produced = try FileManager.default.contentsOfDirectory(atPath: base)
        try #require(produced == ["backtest-\(fixture)"], "\(produced)")
        for file in Self.files {
            let expected = CLI.root.appendingPathComponent("Tests/Fixtures/expected/\(fixture)/\(file)")
            let actual = URL(fileURLWithPath: "\(base)/backtest-\(fixture)/expected/\(file)")
            let want = try Data(contentsOf: expected), got = try Data(contentsOf: actual)
            let same = got == want  // a Bool, so that a failure prints the message, not both files' bytes
            #expect(same, "\(fixture)/\(file) differs from the stored output; if the change is deliberate, run `make expected` and explain it in the commit (first difference at line \(Self.firstDifferentLine(want, got)))")
        }
    }

    /// The 1-based number of the first line where two files differ (for the message).
    static func firstDifferentLine(_ a: Data, _ b: Data) -> Int {
        let x = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let y = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for k in 0..<min(x.count, y.count) where x[k] != y[k] { return k + 1 }
        return min(x.count, y.count) + 1
    }
}
