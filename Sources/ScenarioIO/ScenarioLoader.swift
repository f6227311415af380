import CareModel
import Foundation

/// A scenario read and checked, ready to run.
public struct LoadedScenario: Sendable {
    public let parameters: ModelParameters
    /// The file given, then the files it extends, nearest first.
    public let files: [String]
    public let overrides: [String]
    /// The `sweep:` section: scenario keys and the values to try, as written.
    public let sweep: [(key: String, values: [String])]
    /// The `calibration:` section: parameters to fit, each with its bounds.
    public let calibration: [CalibrationParameter]
    /// The value each calibration parameter has in the scenario (nil if not a number).
    public let calibrationStart: [Double?]
}

/// A parameter `runway calibrate` may change, within bounds.
public struct CalibrationParameter: Sendable, Equatable {
    public let key: String
    public let lower: Double
    public let upper: Double
}

/// Reads a scenario file, follows `extends`, applies `--set key=value` overrides and
/// checks everything. Any problem is a `ScenarioError` naming file, line and key.
public enum ScenarioLoader {
    public static func load(path: String, overrides: [String] = []) throws(ScenarioError) -> LoadedScenario {
        var files: [String] = []
        var tree = try resolve(path: path, chain: &files)
        let sweep = try extractSweep(&tree)
        let calibration = try extractCalibration(&tree)
        tree = try applySetBlock(tree)
        for assignment in overrides {
            tree = try apply(assignment, to: tree)
        }
        // After `set:` and --set, so either can choose where a calibration starts.
        let starts = calibration.map { lookup($0.key, in: tree) }
        return LoadedScenario(parameters: try ScenarioDecoder.decode(tree), files: files, overrides: overrides,
                              sweep: sweep, calibration: calibration, calibrationStart: starts)
    }

    /// Applies the optional `set:` block (`dotted.key: value`, list items as `name[k]`)
    /// after `extends`, like `--set` on the command line; calibrated files use it.
    private static func applySetBlock(_ tree: ConfigNode) throws(ScenarioError) -> ConfigNode {
        guard case .mapping(var entries) = tree.value, let index = entries.firstIndex(where: { $0.key == "set" }) else { return tree }
        let block = entries.remove(at: index)
        var result = ConfigNode(value: .mapping(entries), location: tree.location)
        guard case .mapping(let assignments) = block.node.value else {
            throw ScenarioError(block.node.location, "set", "expected a block of `dotted.key: value`")
        }
        for assignment in assignments {
            let path = assignment.key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            result = try result.setting(path: path[...], to: assignment.node, fullPath: assignment.key)
        }
        return result
    }

    /// The number at a dotted path (with `name[k]` list items), if there is one.
    static func lookup(_ key: String, in tree: ConfigNode) -> Double? {
        var node = tree
        for element in key.split(separator: ".") {
            var name = Substring(element)
            var index: Int?
            if element.hasSuffix("]"), let open = element.firstIndex(of: "[") {
                name = element[..<open]
                index = Int(element[element.index(after: open)..<element.index(before: element.endIndex)])
            }
            guard case .mapping(let entries) = node.value, let entry = entries.first(where: { $0.key == name }) else { return nil }
            node = entry.node
            if let index {
                guard case .sequence(let items) = node.value, items.indices.contains(index) else { return nil }
                node = items[index]
            }
        }
        if case .scalar(let text, _) = node.value { return Double(text) }
        return nil
    }

    /// Takes the optional `calibration:` block (a list of {key, lower, upper}) out of the tree.
    private static func extractCalibration(_ tree: inout ConfigNode) throws(ScenarioError) -> [CalibrationParameter] {
        guard case .mapping(var entries) = tree.value, let index = entries.firstIndex(where: { $0.key == "calibration" }) else { return [] }
        let block = entries.remove(at: index)
        tree = ConfigNode(value: .mapping(entries), location: tree.location)
        guard case .sequence(let items) = block.node.value else {
            throw ScenarioError(block.node.location, "calibration", "expected a list of {key, lower, upper}")
        }
        var out: [CalibrationParameter] = []
        for (k, item) in items.enumerated() {
            let r = try ConfigReader(item, path: "calibration[\(k)]")
            let key = try r.string("key")
            let bound = "bounds belong to the search, not to the scenario's run"
            let lower = try r.double("lower", .calibrationBound, fixedBecause: bound), upper = try r.double("upper", .calibrationBound, fixedBecause: bound)
            try r.finish()
            guard lower < upper else { throw ScenarioError(r.location(of: "upper"), r.keyPath("upper"), "must be above lower (\(lower))") }
            out.append(CalibrationParameter(key: key, lower: lower, upper: upper))
        }
        return out
    }

    /// Takes the optional `sweep:` block (key: [values]) out of the tree.
    private static func extractSweep(_ tree: inout ConfigNode) throws(ScenarioError) -> [(key: String, values: [String])] {
        guard case .mapping(var entries) = tree.value, let index = entries.firstIndex(where: { $0.key == "sweep" }) else { return [] }
        let block = entries.remove(at: index)
        tree = ConfigNode(value: .mapping(entries), location: tree.location)
        guard case .mapping(let axes) = block.node.value else {
            throw ScenarioError(block.node.location, "sweep", "expected a block of `dotted.key: [value, value, ...]`")
        }
        var sweep: [(key: String, values: [String])] = []
        for axis in axes {
            guard case .sequence(let items) = axis.node.value, !items.isEmpty else {
                throw ScenarioError(axis.node.location, "sweep.\(axis.key)", "expected a list of values to try, e.g. [0, 0.1, 0.2]")
            }
            var values: [String] = []
            for item in items {
                guard case .scalar(let text, _) = item.value else {
                    throw ScenarioError(item.location, "sweep.\(axis.key)", "each value to try must be a single value")
                }
                values.append(text)
            }
            sweep.append((axis.key, values))
        }
        return sweep
    }

    /// Parses YAML text (for tests and tools), with no `extends`.
    public static func parse(_ text: String, file: String = "<text>", overrides: [String] = []) throws(ScenarioError) -> ModelParameters {
        var tree = try YAMLSource.parse(text, file: file)
        for assignment in overrides { tree = try apply(assignment, to: tree) }
        return try ScenarioDecoder.decode(tree)
    }

    /// Reads `path` and lays it over the file it extends, recursively.
    private static func resolve(path: String, chain: inout [String]) throws(ScenarioError) -> ConfigNode {
        let standardised = URL(fileURLWithPath: path).standardizedFileURL.path
        if chain.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == standardised }) {
            throw ScenarioError(SourceLocation(file: path, line: 0, column: 0), "extends", "files extend each other in a circle: \((chain + [path]).joined(separator: " -> "))")
        }
        chain.append(path)
        let node = try YAMLSource.read(path: path)
        guard case .mapping(let entries) = node.value else {
            throw ScenarioError(node.location, "", "a scenario file must be a block of keys, got \(node.kindName)")
        }
        guard let extends = entries.first(where: { $0.key == "extends" }) else { return node }
        guard case .scalar(let base, _) = extends.node.value, !extends.node.isNull else {
            throw ScenarioError(extends.node.location, "extends", "expected the path of a base scenario file")
        }
        let basePath = base.hasPrefix("/") ? base : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(base).path
        guard FileManager.default.fileExists(atPath: basePath) else {
            throw ScenarioError(extends.node.location, "extends", "base scenario '\(base)' not found (looked for \(basePath))")
        }
        let baseTree = try resolve(path: basePath, chain: &chain)
        return baseTree.merging(node)
    }

    /// Applies one `dotted.key=value`; the value is read as YAML, so lists work too.
    static func apply(_ assignment: String, to tree: ConfigNode) throws(ScenarioError) -> ConfigNode {
        let location = SourceLocation.commandLine(assignment)
        guard let equals = assignment.firstIndex(of: "=") else {
            throw ScenarioError(location, "", "expected key=value, e.g. budget.cut.fraction=0.2")
        }
        let key = String(assignment[..<equals]).trimmingCharacters(in: .whitespaces)
        let valueText = String(assignment[assignment.index(after: equals)...])
        let path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !key.isEmpty, path.allSatisfy({ !$0.isEmpty }) else {
            throw ScenarioError(location, key, "expected a dotted key such as budget.cut.fraction")
        }
        var value: ConfigNode
        do { value = try YAMLSource.parse(valueText, file: location.file) } catch {
            throw ScenarioError(location, key, error.message)
        }
        if case .mapping(let entries) = value.value, entries.isEmpty, valueText.trimmingCharacters(in: .whitespaces).isEmpty {
            value = ConfigNode(value: .scalar("", quoted: false), location: location)
        }
        return try tree.setting(path: path[...], to: relocate(value, to: location), fullPath: key)
    }

    /// Gives every node of a command-line value the command line as its location.
    private static func relocate(_ node: ConfigNode, to location: SourceLocation) -> ConfigNode {
        switch node.value {
        case .scalar: return ConfigNode(value: node.value, location: location)
        case .sequence(let items): return ConfigNode(value: .sequence(items.map { relocate($0, to: location) }), location: location)
        case .mapping(let entries):
            return ConfigNode(value: .mapping(entries.map { .init(key: $0.key, keyLocation: location, node: relocate($0.node, to: location)) }), location: location)
        }
    }
}
