import Experiments
import Foundation

/// `datapackage.json`: a Frictionless (Tabular) Data Package describing every CSV file of a
/// run folder: each column's type, unit and meaning, the missing-value marker and each
/// table's primary key, so pandas, R (`frictionless`), Excel's Power Query and
/// `frictionless validate` read the tables as typed. Made from `TableSchemas`; each
/// file's header must be its schema's columns, in order, or nothing is written.
public enum DataPackage {
    public static let fileName = "datapackage.json"

    struct Schema: Encodable {
        let fields: [TableField]
        /// Left out when a table has none.
        let primaryKey: [String]?
        let missingValues: [String]
    }

    struct Resource: Encodable {
        let name: String
        let path: String
        let profile = "tabular-data-resource"
        let title: String
        let description: String
        let format = "csv"
        let mediatype = "text/csv"
        let encoding = "utf-8"
        let schema: Schema
    }

    struct Package: Encodable {
        let profile = "tabular-data-package"
        let name: String
        let title: String
        let description: String
        let resources: [Resource]
    }

    /// A CSV file whose header is not what its schema says (a writer and its schema disagree).
    public struct Mismatch: Error, CustomStringConvertible {
        public let description: String
    }

    /// The descriptor for the CSV files among `files` (others, e.g. report.html, are left
    /// out), or nil when there is none. `name`: the scenario's folder, e.g. `small`.
    /// `axes`: a sweep's keys (the columns of sweep.csv).
    public static func json(name: String, files: [(name: String, contents: String)], axes: [SweepAxis] = []) throws(Mismatch) -> String? {
        var resources: [Resource] = []
        for file in files where file.name.hasSuffix(".csv") && !file.name.contains("/") {
            // A CSV without a schema is left out (DataPackageCLITests checks that every
            // CSV of every kind of run folder is described).
            guard let table = TableSchemas.table(file.name, axes: axes) else { continue }
            let header = CSVFormat.line(table.fields.map(\.name))
            guard file.contents.hasPrefix(header) else {
                throw Mismatch(description: "\(file.name): its header is not its schema's columns (\(table.fields.map(\.name).prefix(6).joined(separator: ",")), …)")
            }
            resources.append(Resource(name: String(file.name.dropLast(4)), path: file.name, title: table.title, description: table.description,
                                      schema: Schema(fields: table.fields, primaryKey: table.primaryKey.isEmpty ? nil : table.primaryKey, missingValues: [CSVFormat.missing])))
        }
        guard !resources.isEmpty else { return nil }
        let package = Package(
            name: identifier(name), title: "Runway results: \(name)",
            description: "The tables of one Runway run folder. Empty fields are missing values: not defined (a mean of no values, a ratio over 0) or, in capacity_* columns, an unlimited capacity. Booleans are true/false. Units are in each field's unit; DATA_DICTIONARY.md has the same in prose.",
            resources: resources)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs cannot fail.
        return String(decoding: try! encoder.encode(package), as: UTF8.self) + "\n"
    }

    /// A package name: lower-case letters, digits, `-`, `_` and `.` only.
    static func identifier(_ text: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        let name = String(text.lowercased().map { allowed.contains($0) ? $0 : "-" })
        return name.isEmpty ? "runway" : name
    }
}
