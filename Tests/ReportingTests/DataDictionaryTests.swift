import CareModel
import Foundation
import Reporting
import Testing

@Suite struct DataDictionaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The committed dictionary is exactly what the code generates: a new or renamed
    /// column fails here until `make dictionary` is run.
    @Test func committedDictionaryMatchesTheCode() throws {
        let committed = try String(contentsOf: Self.root.appendingPathComponent("DATA_DICTIONARY.md"), encoding: .utf8)
        #expect(committed == DataDictionary.markdown(), "run `make dictionary` and commit DATA_DICTIONARY.md")
    }

    @Test func timeseriesHasTheColumnsAnalystsRelyOn() {
        let header = Set(TimeseriesTable.header)
        var required = ["replication", "period_start", "children", "needs_light", "needs_moderate", "needs_severe",
                        "needs_undetected", "resolved", "escalations", "crises", "out_of_home", "spending_total_eur",
                        "income_eur", "deficit_eur", "reserve_eur", "burden_index"]
        for s in ServiceKind.allCases {
            required += ["waiting_\(s.key)", "in_care_\(s.key)", "mean_wait_days_\(s.key)", "spending_\(s.key)_eur"]
        }
        required += Channel.allCases.map { "new_episodes_\($0.key)" }
        #expect(Set(required).subtracting(header).isEmpty, "missing: \(Set(required).subtracting(header).sorted())")
        #expect(header.count == TimeseriesTable.header.count, "duplicate column names")
    }
}

@Suite struct OutputFolderTests {
    func temporaryBase() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("runway-test-\(UUID().uuidString)")
        return url.path
    }

    @Test func writesCompleteFolderAndNeverOverwritesWithoutForce() throws {
        let base = temporaryBase()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = try OutputFolder(base: base, scenario: "demo", runID: "r1", force: false)
        try folder.write([("a.csv", "x\n1\n")])
        #expect(FileManager.default.fileExists(atPath: "\(base)/demo/r1/a.csv"))
        #expect(throws: OutputFolder.Problem.self) { try OutputFolder(base: base, scenario: "demo", runID: "r1", force: false) }
        try OutputFolder(base: base, scenario: "demo", runID: "r1", force: true).write([("b.csv", "y\n")])
        let contents = try FileManager.default.contentsOfDirectory(atPath: "\(base)/demo")
        #expect(contents == ["r1"], "no temporary folder is left behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(base)/demo/r1") == ["b.csv"])
    }

    @Test func scenarioNamesBecomeSafeFolderNames() throws {
        let folder = try OutputFolder(base: "/tmp", scenario: "../evil name", runID: "r", force: false)
        #expect(!folder.finalURL.path.contains(".."))
    }
}
