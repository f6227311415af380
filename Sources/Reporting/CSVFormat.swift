import CareModel

/// How values are written to CSV: whole numbers without a decimal point, others in
/// Swift's shortest exact form; a value that is not a finite number (not defined, such as
/// a mean of no values or a ratio over 0, or an unlimited capacity) as an empty field, the
/// one missing-value marker (read as missing by R, pandas and Excel, and declared in
/// datapackage.json); booleans as `true` and `false`. The same value always gives the same
/// text, so equal runs give byte-identical files.
public enum CSVFormat {
    /// The one marker of a missing value: an empty field.
    public static let missing = ""

    static func format(_ x: Double) -> String {
        if !x.isFinite { return missing }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    public static func header(_ names: [String]) -> String { line(names) }

    public static func number(_ x: Double) -> String { format(x) }

    /// A metric's value in a row: money (unit EUR) rounded to the cent, so that sums of
    /// many tariffs and days do not show their last bits (304299.8999999998 is 304299.9,
    /// and the spread of equal amounts is 0, not 2e-10); other values as they are.
    public static func metric(_ x: Double, _ definition: MetricDefinition) -> String {
        definition.unit == "EUR" && x.isFinite ? format((x * 100).rounded() / 100) : format(x)
    }

    /// A row's metric values, in `MetricCatalog` order.
    public static func metrics(_ values: [Double]) -> [String] {
        zip(values, MetricCatalog.definitions).map { metric($0, $1) }
    }

    /// The one boolean form of every CSV: `true` or `false`.
    public static func boolean(_ b: Bool) -> String { b ? "true" : "false" }

    /// One row, fields quoted where needed, ended by a newline.
    public static func row(_ fields: [String]) -> String { line(fields) }

    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\n"
    }

    static func escape(_ field: String) -> String {
        // Scanned as bytes (a comma, a quote or a newline), not as Characters: much the
        // cheaper test, and every field of a run's CSVs passes through it.
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
