import Foundation
import Testing

/// Shards, merge, resume, sweeps and comparisons, through the built binary.
@Suite(.serialized) struct ExperimentCLITests {
    typealias CLI = CLITests

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    static let resultFiles = ["timeseries.csv", "summary.csv", "summary_stats.csv", "timeseries_stats.csv", "equity.csv",
                              "yearly.csv", "yearly_stats.csv", "report.html", "charts/money.svg", "charts/waiting.svg", "datapackage.json"]

    @Test func shardsMergeToTheUnshardedRunByteForByte() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let common = ["run", "Tests/Fixtures/small.yaml", "--replications", "5", "--output", base, "-q"]
        #expect(try CLI.runway(common + ["--run-id", "whole"]).code == 0)
        for k in 1...3 { #expect(try CLI.runway(common + ["--run-id", "split", "--shard", "\(k)/3", "--jobs", "1"]).code == 0) }
        let merge = try CLI.runway(["merge", "\(base)/small/split-shard-3-of-3", "\(base)/small/split-shard-1-of-3",
                                    "\(base)/small/split-shard-2-of-3", "--output", base, "-q"])
        #expect(merge.code == 0, "\(merge.err)")
        for file in Self.resultFiles {
            #expect(try bytes("\(base)/small/whole/\(file)") == bytes("\(base)/small/split/\(file)"), "\(file)")
        }
        let incomplete = try CLI.runway(["merge", "\(base)/small/split-shard-1-of-3", "--output", base, "--run-id", "x"])
        #expect(incomplete.code == 2)
        #expect(incomplete.err.contains("expected shards 1 to 3"))
    }

    @Test func eachKindOfRunHasAFolderOfItsOwn() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let common = ["run", "Tests/Fixtures/small.yaml", "--replications", "1", "--output", base, "-q", "--run-id", "k"]
        let sweep = ["--sweep", "budget.cut.fraction=0,0.3"]
        for extra in [[], ["--set", "budget.cut.fraction=0.3"], sweep] {
            let r = try CLI.runway(common + extra)
            try #require(r.code == 0, "\(r.err)")
        }
        let ode = try CLI.runway(["ode", "Tests/Fixtures/small.yaml", "--output", base, "-q", "--run-id", "k"])
        try #require(ode.code == 0, "\(ode.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(base)/small").sorted() == ["k", "ode-k", "sweep-k", "what-if-k"])
        for (folder, kind) in [("k", "run"), ("ode-k", "ode"), ("sweep-k", "sweep"), ("what-if-k", "what-if")] {
            let json = try JSONSerialization.jsonObject(with: bytes("\(base)/small/\(folder)/run.json")) as? [String: Any]
            #expect(json?["kind"] as? String == kind, "\(folder)")
        }

        // A sharded sweep's shards and its merge stay sweeps, whatever --run-id the merge is given.
        for k in 1...2 { #expect(try CLI.runway(Array(common.dropLast()) + ["split", "--shard", "\(k)/2"] + sweep).code == 0) }
        let shards = (1...2).map { "\(base)/small/sweep-split-shard-\($0)-of-2" }
        #expect(try CLI.runway(["merge"] + shards + ["--output", base, "-q"]).code == 0)
        #expect(try CLI.runway(["merge"] + shards + ["--output", base, "-q", "--run-id", "renamed"]).code == 0)
        for folder in ["sweep-split", "sweep-renamed"] {
            for file in ["sweep.csv", "sweep_summary.csv"] {
                #expect(try bytes("\(base)/small/sweep-k/\(file)") == bytes("\(base)/small/\(folder)/\(file)"), "\(folder)/\(file)")
            }
        }
    }

    @Test func shardedSweepsMergeToTheUnshardedSweepWithItsReport() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let common = ["run", "Tests/Fixtures/small.yaml", "--replications", "2", "--output", base, "-q",
                      "--sweep", "budget.cut.fraction=0,0.3", "--sweep", "budget.cut.runway_years=0,5"]
        #expect(try CLI.runway(common + ["--run-id", "whole"]).code == 0)
        for k in 1...2 { #expect(try CLI.runway(common + ["--run-id", "split", "--shard", "\(k)/2"]).code == 0) }
        let merge = try CLI.runway(["merge", "\(base)/small/sweep-split-shard-1-of-2", "\(base)/small/sweep-split-shard-2-of-2", "--output", base])
        #expect(merge.code == 0, "\(merge.err)")
        #expect(merge.out.contains("Report: \(base)/small/sweep-split/report.html"))
        for file in ["sweep.csv", "sweep_summary.csv", "report.html", "charts/sweep_burden_index.svg", "datapackage.json"] {
            #expect(try bytes("\(base)/small/sweep-whole/\(file)") == bytes("\(base)/small/sweep-split/\(file)"), "\(file)")
        }
    }

    @Test func resumeAfterAnInterruptionGivesTheUninterruptedResult() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let common = ["run", "Tests/Fixtures/small.yaml", "--replications", "4", "--output", base, "-q"]
        #expect(try CLI.runway(common + ["--run-id", "straight"]).code == 0)
        let stopped = try CLI.runway(common + ["--run-id", "broken", "--jobs", "1", "--interrupt-after", "2"])
        #expect(stopped.code == 130)
        #expect(stopped.err.contains("--resume"))
        #expect(!FileManager.default.fileExists(atPath: "\(base)/small/broken"), "no half-written run folder")
        let again = try CLI.runway(common + ["--run-id", "broken"])
        #expect(again.code == 2, "an interrupted run is not silently restarted")
        #expect(try CLI.runway(common + ["--run-id", "broken", "--resume"]).code == 0)
        for file in Self.resultFiles {
            #expect(try bytes("\(base)/small/straight/\(file)") == bytes("\(base)/small/broken/\(file)"), "\(file)")
        }
    }

    @Test func sweepWritesOneRowPerGridPoint() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLI.runway(["run", "Tests/Fixtures/small.yaml", "--replications", "2", "--output", base, "--run-id", "grid", "-q",
                                "--sweep", "budget.cut.fraction=0,0.3", "--sweep", "budget.cut.runway_years=0,5"])
        #expect(r.code == 0, "\(r.err)")
        let lines = try String(contentsOfFile: "\(base)/small/sweep-grid/sweep.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("point,budget_cut_fraction,budget_cut_runway_years,replications,"))
        #expect(lines[1].hasPrefix("0,0,0,2,"))
        #expect(lines[4].hasPrefix("3,0.3,5,2,"))
        let bad = try CLI.runway(["run", "Tests/Fixtures/small.yaml", "--output", base, "--sweep", "budget.cut.fraction=0,7"])
        #expect(bad.code == 2)
        // Named as the sweep gave it, not as a --set.
        #expect(bad.err.hasPrefix("runway: error: --sweep budget.cut.fraction=0,7 (value 7): budget.cut.fraction: expected a fraction"), "\(bad.err)")
        #expect(!bad.err.contains("--set"))
        let malformed = try CLI.runway(["run", "Tests/Fixtures/small.yaml", "--output", base, "--sweep", "budget.cut.fraction"])
        #expect(malformed.code == 2)
        #expect(malformed.err.hasPrefix("runway: error: --sweep budget.cut.fraction: expected key=v1,v2,..."), "\(malformed.err)")
    }

    @Test func compareWritesPairedDifferences() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLI.runway(["compare", "Tests/Fixtures/small.yaml", "Tests/Fixtures/small-cut.yaml",
                                "--replications", "4", "--output", base, "--run-id", "c", "-q"])
        #expect(r.code == 0, "\(r.err)")
        let text = try String(contentsOfFile: "\(base)/compare/small-vs-small-cut/c/comparison.csv", encoding: .utf8)
        let income = text.split(separator: "\n").first { $0.contains(",income_eur,") }!
        #expect(income.hasSuffix(",true"), "a 30 % cut lowers income distinguishably: \(income)")
        #expect(FileManager.default.fileExists(atPath: "\(base)/compare/small-vs-small-cut/c/comparison_timeseries.csv"))
    }

    @Test func storiesAreReproducibleAndChangeNoResult() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let common = ["run", "Tests/Fixtures/small.yaml", "--replications", "2", "--output", base, "-q"]
        #expect(try CLI.runway(common + ["--run-id", "plain"]).code == 0)
        #expect(try CLI.runway(common + ["--run-id", "told1", "--stories", "5"]).code == 0)
        #expect(try CLI.runway(common + ["--run-id", "told2", "--stories", "5", "--jobs", "1"]).code == 0)
        let story = try String(contentsOfFile: "\(base)/small/told1/stories.md", encoding: .utf8)
        #expect(story.contains("## Household 5"))
        #expect(story.contains("when the story begins"))
        #expect(try bytes("\(base)/small/told1/stories.md") == bytes("\(base)/small/told2/stories.md"), "same seed, same stories")
        // The report gains the stories' timeline; every table and the other charts stay the same.
        for file in Self.resultFiles where file != "report.html" {
            #expect(try bytes("\(base)/small/plain/\(file)") == bytes("\(base)/small/told1/\(file)"), "telling stories changed \(file)")
        }
        let plainCharts = try FileManager.default.contentsOfDirectory(atPath: "\(base)/small/plain/charts").sorted()
        let toldCharts = try FileManager.default.contentsOfDirectory(atPath: "\(base)/small/told1/charts").sorted()
        #expect(toldCharts == (plainCharts + ["stories.svg"]).sorted())
        for chart in plainCharts {
            #expect(try bytes("\(base)/small/plain/charts/\(chart)") == bytes("\(base)/small/told1/charts/\(chart)"), "telling stories changed \(chart)")
        }
    }
}
