/// How numbers are written to CSV: whole numbers without a decimal point, others in
/// Swift's shortest exact form, and NaN as an empty field (read as missing by R,
/// pandas and Excel). The same value always gives the same text, so equal runs give
/// byte-identical files.
public enum CSVFormat {
    static func format(_ x: Double) -> String {
        if x.isNaN { return "" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    public static func header(_ names: [String]) -> String { line(names) }

    public static func number(_ x: Double) -> String { format(x) }

    /// One row, fields quoted where needed, ended by a newline.
    public static func row(_ fields: [String]) -> String { line(fields) }

    static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\n"
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
