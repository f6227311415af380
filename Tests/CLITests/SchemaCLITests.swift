import Foundation
import Testing

/// `runway schema` and the shipped Scenarios/runway.schema.json, checked with a real
/// validator (Python `jsonschema`, draft 2020-12, in the venv `make frictionless` creates
/// for `make test`): every shipped scenario and every fixture the decoder accepts passes
/// it, and fixtures with a misspelt key, a value out of range, a wrong choice or type, or
/// a bad dated value fail it.
@Suite(.serialized) struct SchemaCLITests {
    typealias CLI = CLITests
    static let schemaLine = "# yaml-language-server: $schema="

    @Test func schemaPrintsTheShippedFileAndWritesItWithOutput() throws {
        let shipped = try String(contentsOf: CLI.root.appendingPathComponent("Scenarios/runway.schema.json"), encoding: .utf8)
        let r = try CLI.runway(["schema"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == shipped, "runway schema differs from Scenarios/runway.schema.json: run `make schema`")
        let folder = CLI.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try CLI.runway(["schema", "--output", "\(folder)/s.json"])
        #expect(written.code == 0 && written.out.isEmpty, "\(written.err)")
        #expect(try String(contentsOfFile: "\(folder)/s.json", encoding: .utf8) == shipped)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["s.json"], "nothing else written")
        let nowhere = try CLI.runway(["schema", "--scenarios", folder])
        #expect(nowhere.code == 2 && nowhere.err.contains("no baseline.yaml"), "\(nowhere.err)")
    }

    /// Every shipped scenario names the schema on its first line, relative to its folder;
    /// so do the valid fixtures (the decoder reads the line as the comment it is).
    @Test func scenariosNameTheSchemaOnTheirFirstLine() throws {
        for path in Self.shipped + Self.fixtures.filter({ Self.invalid[($0 as NSString).lastPathComponent] == nil }) {
            let text = try String(contentsOf: CLI.root.appendingPathComponent(path), encoding: .utf8)
            let first = text.prefix { $0 != "\n" }
            guard first.hasPrefix(Self.schemaLine) else {
                if path.hasPrefix("Scenarios/") { Issue.record("\(path): first line is not \(Self.schemaLine)…") }
                continue
            }
            let target = URL(fileURLWithPath: path, relativeTo: CLI.root).deletingLastPathComponent()
                .appendingPathComponent(String(first.dropFirst(Self.schemaLine.count))).standardizedFileURL.path
            #expect(target == CLI.root.appendingPathComponent("Scenarios/runway.schema.json").standardizedFileURL.path, "\(path): \(first)")
        }
    }

    static func yamlFiles(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }
    static let shipped = yamlFiles("Scenarios")
    static let fixtures = yamlFiles("Tests/Fixtures") + yamlFiles("Tests/Fixtures/backtest")

    /// Fixtures the schema must refuse (the decoder refuses them too), and why.
    static let invalid = [
        "misspelt-key.yaml": "a misspelt key", "unknown-section.yaml": "a misspelt block",
        "out-of-range.yaml": "a fraction of 1.5", "wrong-type.yaml": "text for a whole number",
        "bad-choice.yaml": "a choice that is not one", "dated-out-of-range.yaml": "a dated value out of range",
        "dated-bad-between.yaml": "dated values with between: smooth", "dated-non-numeric.yaml": "dated values for a choice",
        "dated-fixed-key.yaml": "dated values for a key that cannot change",
    ]

    static var python: String? {
        let path = CLI.root.appendingPathComponent(".build/frictionless-venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["RUNWAY_SKIP_FRICTIONLESS"] == nil))
    func aRealValidatorAcceptsEveryValidScenarioAndRefusesTheBadOnes() throws {
        guard let python = Self.python else {
            Issue.record("the venv with jsonschema is missing: `make test` creates it (make frictionless: .build/frictionless-venv); set RUNWAY_SKIP_FRICTIONLESS=1 to skip this test")
            return
        }
        // A fixture the decoder accepts must pass the schema: the schema is never stricter.
        var cases = Self.shipped.map { "valid:\($0)" }
        for path in Self.fixtures {
            let name = (path as NSString).lastPathComponent
            if Self.invalid[name] != nil {
                cases.append("invalid:\(path)")
            } else if try CLI.runway(["validate", path]).code == 0 {
                cases.append("valid:\(path)")
            }
        }
        #expect(cases.filter { $0.hasPrefix("invalid:") }.count == Self.invalid.count, "an invalid fixture is missing")
        #expect(cases.count > Self.shipped.count + Self.invalid.count + 5, "\(cases)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["Tests/Schema/schema_check.py", "Scenarios/runway.schema.json"] + cases
        process.currentDirectoryURL = CLI.root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output.prefix(4000))")
        for (name, why) in Self.invalid {
            #expect(output.contains("invalid Tests/Fixtures/\(name): refused"), "\(name) (\(why)) passed the schema:\n\(output.prefix(4000))")
        }
    }
}
