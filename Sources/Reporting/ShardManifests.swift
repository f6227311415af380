import Experiments
import Foundation

/// `runway merge`: the `shard.json` manifests of the shards of one run, checked to be
/// all n shards of one run exactly once, and merged into the whole run's `run.json`
/// (the shards' wall times and events summed).
public struct ShardManifests {
    /// Shards that are missing, repeated, unreadable or of different runs.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// The shard folders, in the order given.
    public let folders: [String]
    /// Each folder's shard.json.
    let manifests: [[String: Any]]
    /// n, the number of shards.
    public let count: Int

    /// Reads `shard.json` in each of `folders` and checks them.
    public init(folders: [String]) throws(Problem) {
        var manifests: [[String: Any]] = []
        for path in folders {
            let url = URL(fileURLWithPath: path).appendingPathComponent("shard.json")
            guard let data = FileManager.default.contents(atPath: url.path),
                  let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw Problem("\(path): not a shard folder (no readable shard.json)")
            }
            manifests.append(json)
        }
        try self.init(manifests, folders: folders)
    }

    /// Checks manifests already read (`folders[k]` holds `manifests[k]`).
    public init(_ manifests: [[String: Any]], folders: [String]) throws(Problem) {
        let count = Self.shard(of: manifests[0]).count
        let indices = manifests.map { Self.shard(of: $0).index }.sorted()
        guard indices == Array(1...max(count, 1)), manifests.allSatisfy({ Self.shard(of: $0).count == count }) else {
            throw Problem("expected shards 1 to \(count) of one run exactly once each, got \(indices.map(String.init).joined(separator: ", "))")
        }
        func canonical(_ m: [String: Any], _ key: String) -> Data {
            (try? JSONSerialization.data(withJSONObject: m[key] ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
        }
        for (k, m) in manifests.enumerated() where canonical(m, "parameters") != canonical(manifests[0], "parameters") || canonical(m, "sweep") != canonical(manifests[0], "sweep") {
            throw Problem("\(folders[k]) belongs to another run (its parameters or sweep differ from \(folders[0])'s)")
        }
        self.folders = folders
        self.manifests = manifests
        self.count = count
    }

    /// The index and count a manifest records (0 where missing).
    static func shard(of m: [String: Any]) -> (index: Int, count: Int) {
        let s = m["shard"] as? [String: Any] ?? [:]
        return ((s["index"] as? Int) ?? 0, (s["count"] as? Int) ?? 0)
    }

    /// The shard that `folders[k]` holds.
    public func shard(_ k: Int) -> Shard { Shard(index: Self.shard(of: manifests[k]).index, count: count) }

    /// The run's sweep axes (none for a single scenario).
    public var axes: [SweepAxis] {
        (manifests[0]["sweep"] as? [[String: Any]] ?? []).map { SweepAxis(key: $0["key"] as! String, values: $0["values"] as! [String]) }
    }

    public var replications: Int { manifests[0]["replications"] as? Int ?? 0 }

    /// The years after warm-up of the run's horizon.
    public var yearsAfterWarmup: Double { SavedRun.yearsAfterWarmup(manifest: manifests[0]) }

    public var scenario: String { manifests[0]["scenario"] as? String ?? "scenario" }

    /// The scenario's description (for the report's subtitle).
    public var scenarioDescription: String {
        (manifests[0]["parameters"] as? [String: Any])?["description"] as? String ?? ""
    }

    /// The kind of run the shards are parts of (`sweep`, `what-if`, …).
    public var kind: RunKind { RunKind.recorded(in: manifests[0]) }

    /// The first folder's name without its kind's prefix and its `-shard-k-of-n` ending:
    /// the unsharded run's id.
    public var runID: String {
        let name = URL(fileURLWithPath: folders[0]).lastPathComponent
            .replacingOccurrences(of: "-shard-\(Self.shard(of: manifests[0]).index)-of-\(count)", with: "")
        let prefix = kind.folderName("")
        return name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : name
    }

    /// The whole run's run.json: the first shard's manifest, with the shard entry saying
    /// how many were merged, and wall seconds and events summed over the shards.
    public func mergedJSON() throws -> String {
        var merged = manifests[0]
        merged["shard"] = ["merged_from": count]
        merged["wall_seconds"] = manifests.reduce(0.0) { $0 + (($1["wall_seconds"] as? Double) ?? 0) }
        merged["events"] = manifests.reduce(0) { $0 + (($1["events"] as? Int) ?? 0) }
        let data = try JSONSerialization.data(withJSONObject: merged, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
