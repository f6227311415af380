import CareModel
import Experiments
import Foundation

/// Everything that determines the rows of a run: the resolved parameters (seed,
/// replications and scenario name included), the sweep grid, the shard, the target
/// half-width plan and the Runway version. A run's hidden working folder records it
/// (`experiment.json`), and `--resume` continues only the same experiment.
public struct ExperimentFingerprint {
    /// Dotted key -> parsed JSON value.
    let entries: [String: Any]

    public static let fileName = "experiment.json"

    public init(parameters: ModelParameters, axes: [SweepAxis], shard: Shard, adaptive: AdaptiveReplications?,
                runwayVersion: String) throws {
        var entries = JSONValues.flatten(try JSONValues.object(parameters), intoLists: true)
        entries["runway_version"] = runwayVersion
        entries["sweep"] = axes.map { "\($0.key)=\($0.values.joined(separator: ","))" }
        entries["shard"] = "\(shard.index)/\(shard.count)"
        entries["target_half_width"] = adaptive.map { $0.target as Any } ?? NSNull()
        entries["target_metrics"] = adaptive.map { $0.metrics as Any } ?? NSNull()
        entries["max_replications"] = adaptive.map { $0.maxReplications as Any } ?? NSNull()
        self.entries = entries
    }

    init(entries: [String: Any]) { self.entries = entries }

    /// The recorded form (JSON, keys sorted).
    public func json() throws -> Data {
        try JSONSerialization.data(withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])
    }

    /// Reads a recorded fingerprint; nil when it is not one.
    public init?(json: Data) {
        guard let entries = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else { return nil }
        self.entries = entries
    }

    /// What differs between `recorded` (the interrupted run) and this one, one line per
    /// key, e.g. "experiment.seed: 42 in the interrupted run, 43 now".
    public func differences(from recorded: ExperimentFingerprint) -> [String] {
        Set(entries.keys).union(recorded.entries.keys).sorted().compactMap { key in
            let then = recorded.entries[key], now = entries[key]
            if let then, let now, JSONValues.equal(then, now) { return nil }
            return "\(key): \(JSONValues.text(then)) in the interrupted run, \(JSONValues.text(now)) now"
        }
    }
}
