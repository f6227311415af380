/// What kind of run a folder under `<output>/<scenario>/` holds. A plain run of the
/// scenario keeps its run id as its folder name; every other kind puts its name in
/// front (`sweep-<run-id>`, `what-if-<run-id>`, `ode-<run-id>`, `calibration-<run-id>`),
/// so that the path says what was run and a what-if never sits among the plain runs.
/// `run.json` records it too (`kind`).
public enum RunKind: String, Sendable {
    /// `runway run` of the scenario as written (its `set:` block, `--seed`,
    /// `--replications`, shards and target widths included).
    case run
    /// `runway run --sweep …`, or a scenario with a `sweep:` block.
    case sweep
    /// `runway run --set …`: values changed on the command line.
    case whatIf = "what-if"
    /// `runway ode`: the mean-field twin.
    case ode
    /// `runway calibrate`.
    case calibration

    /// The kind of a `runway run`: a sweep whenever there are sweep axes, else a what-if
    /// when `--set` was given.
    public static func ofRun(sweep: Bool, commandLineSets: [String]) -> RunKind {
        sweep ? .sweep : commandLineSets.isEmpty ? .run : .whatIf
    }

    /// The kind `run.json` or `shard.json` records (a plain run when it records none:
    /// folders written before kinds were).
    public static func recorded(in manifest: [String: Any]) -> RunKind {
        (manifest["kind"] as? String).flatMap(RunKind.init(rawValue:)) ?? .run
    }

    /// The folder name of run `runID` of this kind.
    public func folderName(_ runID: String) -> String {
        self == .run ? runID : "\(rawValue)-\(runID)"
    }
}
