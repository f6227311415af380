import ArgumentParser
import Foundation
import Reporting
import ScenarioIO

/// `runway schema`: the JSON Schema of scenario files, made from the decoder's own
/// declarations (ScenarioSchema). Writes nothing but standard output unless `--output`.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of scenario files, made from the scenario decoder itself.",
        discussion: """
        Editors complete and check scenario keys with it: Scenarios/runway.schema.json is this output, and each \
        shipped scenario's first line, `# yaml-language-server: $schema=runway.schema.json`, points VS Code's YAML \
        extension at it. `make schema` rewrites that file.
        """)

    @Option(help: "Folder of scenarios to learn the keys from: its baseline.yaml gives defaults and descriptions (the comment on each key's line), the other *.yaml files the keys the baseline leaves out.", completion: .directory)
    var scenarios: String = "Scenarios"

    @Option(help: "Write the schema to this file instead of standard output.", completion: .file(extensions: ["json"]))
    var output: String?

    func run() throws {
        guard FileManager.default.fileExists(atPath: (scenarios as NSString).appendingPathComponent("baseline.yaml")) else {
            throw InputError("--scenarios \(scenarios): no baseline.yaml there (the schema is learnt from the shipped scenarios; run from the repository's folder or give --scenarios)")
        }
        let schema = try ScenarioSchema.generate(scenariosFolder: scenarios)
        guard let output else {
            print(schema, terminator: "")
            return
        }
        let url = URL(fileURLWithPath: output)
        try FileIO.writeAtomically(Data(schema.utf8), to: url, temporaryFolder: url.deletingLastPathComponent())
    }
}
