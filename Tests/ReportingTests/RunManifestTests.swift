import CareModel
import Experiments
import Foundation
import Reporting
import ScenarioIO
import Testing

/// The entries `runway run` adds to run.json.
@Suite struct RunManifestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func manifest(adaptive: AdaptiveReplications?, achievedFrom values: [[Double]]?, shard: Shard = .whole) throws -> [String: Any] {
        let loaded = try ScenarioLoader.load(path: root.appendingPathComponent("Tests/Fixtures/small-cut.yaml").path)
        let base = try ScenarioLoader.load(path: loaded.files.last!).parameters
        let m = RunManifest.forRun(scenarioFiles: loaded.files, overrides: [], parameters: loaded.parameters.withReplications(7),
                                   base: base, baseFile: loaded.files.last!,
                                   axes: [SweepAxis(key: "budget.cut.fraction", values: ["0", "0.1"])], shard: shard,
                                   adaptive: adaptive, achievedFrom: values, runwayVersion: "test", gitCommit: "abc",
                                   startedAt: Date(timeIntervalSince1970: 0), wallSeconds: 1.5, events: 42, jobs: 2)
        return try #require(JSONSerialization.jsonObject(with: Data(try m.json().utf8)) as? [String: Any])
    }

    @Test func runEntries() throws {
        let json = try Self.manifest(adaptive: AdaptiveReplications(target: 0.05, maxReplications: 9), achievedFrom: nil, shard: Shard(index: 2, count: 3))
        #expect(json["replications"] as? Int == 7)
        #expect(json["events"] as? Int == 42)
        #expect(json["git_commit"] as? String == "abc")
        #expect((json["base_file"] as? String)?.hasSuffix("Scenarios/baseline.yaml") == true)
        let differences = try #require(json["differences_from_base"] as? [String: Any])
        #expect(differences["budget.cut.fraction"] != nil, "small-cut cuts the budget; the baseline does not")
        #expect(differences["experiment.replications"] != nil)
        let sweep = try #require(json["sweep"] as? [[String: Any]])
        #expect(sweep.first?["key"] as? String == "budget.cut.fraction")
        #expect(json["shard"] as? [String: Int] == ["index": 2, "count": 3])
        let target = try #require(json["target_relative_half_width"] as? [String: Any])
        #expect(target["target"] as? Double == 0.05)
        #expect(target["metrics"] as? [String] == AdaptiveReplications.defaultMetrics)
        #expect(json["achieved_relative_half_widths"] == nil)
    }

    @Test func achievedWidthsOnlyWhenGiven() throws {
        let json = try Self.manifest(adaptive: nil, achievedFrom: [[Double]](repeating: [Double](repeating: 1, count: MetricCatalog.definitions.count), count: 2)
                                     .enumerated().map { r, row in row.map { $0 + Double(r) } })
        #expect(json["target_relative_half_width"] == nil)
        let widths = try #require(json["achieved_relative_half_widths"] as? [String: Double])
        #expect(widths["spending_total_eur"] != nil)
    }

    @Test func timestampIsUTC() {
        #expect(RunManifest.timestamp(Date(timeIntervalSince1970: 86_400 + 3_661)) == "19700102-010101")
    }
}
