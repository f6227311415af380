/// One swept parameter: a dotted scenario key and the values to try (as written, YAML).
public struct SweepAxis: Sendable, Equatable, Codable {
    public let key: String
    public let values: [String]

    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    /// The key as a column name of sweep.csv: an identifier (lower-case letters, digits and
    /// `_`, not starting with a digit), e.g. `budget.cut.fraction` -> `budget_cut_fraction`,
    /// `population.needs.onset_per_year[1].rate` -> `population_needs_onset_per_year_1_rate`.
    public var column: String {
        var out = ""
        for c in key.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if !out.isEmpty && out.last != "_" { out.append("_") }
        }
        while out.last == "_" { out.removeLast() }
        if out.isEmpty || out.first!.isNumber { out = "key_" + out }
        return out
    }

    /// Parses `key=v1,v2,...` (the `--sweep` option).
    public static func parse(_ text: String) -> SweepAxis? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let key = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let values = text[text.index(after: equals)...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !key.isEmpty, !values.isEmpty, values.allSatisfy({ !$0.isEmpty }) else { return nil }
        return SweepAxis(key: key, values: values)
    }

    /// All combinations, the first axis varying slowest; each as `key=value` overrides.
    /// No axes give one point with no overrides.
    public static func grid(_ axes: [SweepAxis]) -> [[String]] {
        axes.reduce([[]]) { points, axis in
            points.flatMap { point in axis.values.map { point + ["\(axis.key)=\($0)"] } }
        }
    }
}
