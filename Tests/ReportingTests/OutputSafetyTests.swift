import CareModel
import Experiments
import Foundation
@testable import Reporting
import ScenarioIO
import Testing

/// run.json's differences, the experiment fingerprint of a resumable run, the run
/// folder's lock and the file-system messages (issue 13).
@Suite struct OutputSafetyTests {
    static let root = RunManifestTests.root

    static func small() throws -> ModelParameters {
        try ScenarioLoader.load(path: root.appendingPathComponent("Tests/Fixtures/small.yaml").path).parameters
    }

    @Test func differencesCompareParsedValues() throws {
        let a = try Self.small()
        #expect(ParameterDifferences.between(base: a, scenario: a).isEmpty, "the same parameters differ nowhere (lists of records included)")
        var b = a
        b.population.riskGroups[1].share = 0.14
        b.population.riskGroups[0].share = 0.78
        let d = ParameterDifferences.between(base: a, scenario: b)
        #expect(Array(d.keys) == ["population.risk_groups"])
        let again = ParameterDifferences.between(base: a, scenario: b)
        let bytes = { (x: [String: Any]) in try JSONSerialization.data(withJSONObject: x, options: [.sortedKeys]) }
        #expect(try bytes(d) == bytes(again))
    }

    @Test func valuesCompareAsValues() {
        #expect(JSONValues.equal(NSNumber(value: 1), NSNumber(value: 1.0)))
        #expect(!JSONValues.equal(NSNumber(value: UInt64.max), NSNumber(value: UInt64.max - 1)), "seeds beyond 2^53 compare exactly")
        #expect(JSONValues.equal([["b": 1, "a": [1, 2]]] as [Any], [["a": [1, 2], "b": 1]] as [Any]))
        #expect(!JSONValues.equal([1, 2] as [Any], [2, 1] as [Any]))
        #expect(!JSONValues.equal("1", NSNumber(value: 1)))
    }

    @Test func fingerprintNamesWhatDiffers() throws {
        let a = try Self.small()
        var b = a
        b.experiment.seed = 43
        b.population.riskGroups[2].onsetMultiplier = 2
        let then = try ExperimentFingerprint(parameters: a, axes: [], shard: .whole, adaptive: nil, runwayVersion: "1")
        let now = try ExperimentFingerprint(parameters: b, axes: [SweepAxis(key: "budget.cut.fraction", values: ["0", "0.1"])],
                                            shard: .whole, adaptive: nil, runwayVersion: "1")
        let recorded = try #require(ExperimentFingerprint(json: try then.json()))
        #expect(then.differences(from: recorded).isEmpty)
        #expect(now.differences(from: recorded) == [
            "experiment.seed: 7 in the interrupted run, 43 now",
            "population.risk_groups[2].onset_multiplier: 1.4 in the interrupted run, 2 now",
            "sweep: [] in the interrupted run, [\"budget.cut.fraction=0,0.1\"] now",
        ])
    }

    @Test func oneWriterPerRunFolder() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("runway-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let first = try OutputFolder(base: base, scenario: "demo", runID: "r", force: false)
        #expect {
            try OutputFolder(base: base, scenario: "demo", runID: "r", force: true)
        } throws: { error in
            (error as? OutputFolder.Problem)?.description.contains("another run is writing") == true
        }
        #expect(throws: Never.self) { try OutputFolder(base: base, scenario: "demo", runID: "other", force: false) }
        try first.write([("a.csv", "x\n")])
        let second = try OutputFolder(base: base, scenario: "demo", runID: "r", force: true)
        try second.write([("b.csv", "y\n")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(base)/demo").sorted() == ["r"], "no lock, working or replaced folder left")
    }

    @Test func fileProblemsInPlainWords() {
        let full = FileProblem("write", "/out/small/.r.partial/summary.csv", code: ENOSPC)
        #expect(full.description == "cannot write /out/small/.r.partial/summary.csv: the disk is full (no space left on the device); free some space, or choose another folder with --output")
        #expect(FileProblem("create the folder", "/ro/x", code: EROFS).description.contains("the file system is read-only; choose a folder you can write to"))
    }
}
