/// `checks.csv` (`runway validate-model`): one row per check, what it measured against
/// what it expected, and whether it passed.
public enum ValidationChecks {
    public struct Check: Sendable {
        public let section: String
        public let check: String
        public let observed: Double
        public let expected: Double
        public let tolerance: Double
        public let passed: Bool

        public init(section: String, check: String, observed: Double, expected: Double, tolerance: Double, passed: Bool) {
            self.section = section
            self.check = check
            self.observed = observed
            self.expected = expected
            self.tolerance = tolerance
            self.passed = passed
        }
    }

    public static let columns: [(name: String, unit: String, meaning: String)] = [
        ("section", "name", "the section of validation.md and report.html (1 to 5)"),
        ("check", "text", "what is checked"),
        ("observed", "check's unit", "what the simulation gave (a mean wait, a residual, a count of misses)"),
        ("expected", "check's unit", "what it is checked against (Erlang C, 0, a bound)"),
        ("tolerance", "check's unit", "how far observed may be from expected (for a bound: the bound, with observed at most or at least it, as the check says)"),
        ("passed", "true/false", "true when the check passed"),
    ]

    public static func csv(_ checks: [Check]) -> String {
        var out = CSVFormat.line(columns.map(\.name))
        for c in checks {
            out += CSVFormat.line([c.section, c.check] + [c.observed, c.expected, c.tolerance].map(CSVFormat.number) + [CSVFormat.boolean(c.passed)])
        }
        return out
    }
}
