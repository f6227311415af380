import ArgumentParser
import Experiments
import Foundation
import Reporting

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the shard folders of one run (runway run --shard k/n) into the run the unsharded command gives.",
        discussion: "The CSVs are byte-identical to an unsharded run's; run.json sums the shards' wall times.")

    @Argument(help: "The shard folders (all n of them).")
    var shards: [String]

    @OptionGroup var out: OutputOptions

    func run() throws {
        var manifests: [[String: Any]] = []
        for path in shards {
            let url = URL(fileURLWithPath: path).appendingPathComponent("shard.json")
            guard let data = FileManager.default.contents(atPath: url.path),
                  let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw InputError("\(path): not a shard folder (no readable shard.json)")
            }
            manifests.append(json)
        }
        func shardOf(_ m: [String: Any]) -> (Int, Int) {
            let s = m["shard"] as? [String: Any] ?? [:]
            return ((s["index"] as? Int) ?? 0, (s["count"] as? Int) ?? 0)
        }
        let count = shardOf(manifests[0]).1
        let indices = manifests.map { shardOf($0).0 }.sorted()
        guard indices == Array(1...max(count, 1)), manifests.allSatisfy({ shardOf($0).1 == count }) else {
            throw InputError("expected shards 1 to \(count) of one run exactly once each, got \(indices.map(String.init).joined(separator: ", "))")
        }
        func canonical(_ m: [String: Any], _ key: String) -> Data {
            (try? JSONSerialization.data(withJSONObject: m[key] ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
        }
        for (k, m) in manifests.enumerated() where canonical(m, "parameters") != canonical(manifests[0], "parameters") || canonical(m, "sweep") != canonical(manifests[0], "sweep") {
            throw InputError("\(shards[k]) belongs to another run (its parameters or sweep differ from \(shards[0])'s)")
        }
        let first = manifests[0]
        let axes = (first["sweep"] as? [[String: Any]] ?? []).map { SweepAxis(key: $0["key"] as! String, values: $0["values"] as! [String]) }
        let replications = first["replications"] as? Int ?? 0
        let scenario = first["scenario"] as? String ?? "scenario"
        let defaultID = URL(fileURLWithPath: shards[0]).lastPathComponent.replacingOccurrences(of: "-shard-\(shardOf(first).0)-of-\(count)", with: "")
        let folder = try OutputFolder(base: out.output, scenario: scenario, runID: out.runID ?? defaultID, force: out.force)
        try folder.prepare()
        let points = max(1, SweepAxis.grid(axes).count)
        for (k, path) in shards.enumerated() {
            let (index, _) = shardOf(manifests[k])
            let source = PartStore(folder: URL(fileURLWithPath: path).appendingPathComponent(PartStore.folderName))
            try folder.parts.copy(Job.selected(points: points, replications: 0..<replications, shard: Shard(index: index, count: count)), from: source)
        }
        var files = try RunAssembler.files(parts: folder.parts, axes: axes, replications: 0..<replications)
        var merged = first
        merged["shard"] = ["merged_from": count]
        merged["wall_seconds"] = manifests.reduce(0.0) { $0 + (($1["wall_seconds"] as? Double) ?? 0) }
        merged["events"] = manifests.reduce(0) { $0 + (($1["events"] as? Int) ?? 0) }
        let data = try JSONSerialization.data(withJSONObject: merged, options: [.prettyPrinted, .sortedKeys])
        files.append(("run.json", String(decoding: data, as: UTF8.self) + "\n"))
        try folder.finish(files)
        if !out.quiet { print("Merged \(count) shard(s) into \(folder.finalURL.path)/") }
    }
}
