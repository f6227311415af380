import CareModel
import Experiments

/// One column of a CSV file, as a Frictionless Table Schema field: its name (an
/// identifier), type, unit and meaning.
public struct TableField: Codable, Sendable, Equatable {
    public enum FieldType: String, Codable, Sendable {
        case integer, number, string, boolean, date
    }

    public let name: String
    public let type: FieldType
    public let description: String
    /// Not a Table Schema property: the unit, as the data dictionary gives it.
    public let unit: String?
    /// Booleans are written `true` / `false` (`CSVFormat.boolean`), and only so.
    public let trueValues: [String]?
    public let falseValues: [String]?

    public init(_ name: String, _ type: FieldType, unit: String? = nil, _ description: String) {
        self.name = name
        self.type = type
        self.description = description
        self.unit = unit.flatMap { $0.isEmpty ? nil : $0 }
        trueValues = type == .boolean ? [CSVFormat.boolean(true)] : nil
        falseValues = type == .boolean ? [CSVFormat.boolean(false)] : nil
    }
}

/// A CSV file a run folder holds: what it is, its columns and the columns that identify a row.
public struct TableDescription: Sendable {
    public let file: String
    public let title: String
    public let description: String
    public let fields: [TableField]
    public let primaryKey: [String]
}

/// The schema of every CSV file Runway writes, made from the same declarations as the
/// writers: the metric catalogues (`MetricCatalog`, `EquityCatalog`) and each table's own
/// columns (`TimeseriesTable.idColumns`, `SummaryTable.extraColumns`, …).
public enum TableSchemas {
    /// The types of the columns that are not metrics (metrics are numbers).
    static let types: [String: TableField.FieldType] = [
        "replication": .integer, "period_start": .date, "in_warmup": .boolean, "budget_year": .integer, "periods": .integer,
        "children_initial": .integer, "children_born": .integer, "children_left": .integer, "children_at_end": .integer,
        "events": .integer, "replications": .integer, "point": .integer, "metric": .string, "unit": .string,
        "risk_group": .string, "scenario_a": .string, "scenario_b": .string, "distinguishable": .boolean,
        "quantity": .string, "year": .integer, "source": .string, "section": .string, "check": .string, "passed": .boolean,
        "from_year": .integer, "to_year": .integer, "change": .string,
    ]

    static func field(_ c: (name: String, unit: String, meaning: String)) -> TableField {
        let unit = ["number", "name", "text", "date", "true/false"].contains(c.unit) ? nil : c.unit
        return TableField(c.name, types[c.name] ?? .number, unit: unit, c.meaning)
    }

    static func metric(_ m: MetricDefinition, summary: String? = nil) -> TableField {
        TableField(m.name, .number, unit: m.unit, m.meaning + (summary.map { ". " + $0 } ?? ""))
    }

    /// `lead`, then the columns of the statistics across replications (metric, unit,
    /// replications, mean, …), as in summary_stats.csv.
    static func stats(_ lead: [(name: String, unit: String, meaning: String)]) -> [TableField] {
        (lead + IntervalTables.columnMeanings).map(field)
    }

    static let yearColumns: [(name: String, unit: String, meaning: String)] = [YearlyTables.idColumns[1], YearlyTables.idColumns[2]]
    static let periodColumns: [(name: String, unit: String, meaning: String)] = [TimeseriesTable.idColumns[1], TimeseriesTable.idColumns[2]]

    /// The table written as `file`, or nil for a file that is not one of Runway's tables.
    /// `axes`: a sweep's keys (for the columns of sweep.csv and sweep_summary.csv).
    public static func table(_ file: String, axes: [SweepAxis] = []) -> TableDescription? {
        let metrics = MetricCatalog.definitions
        let keyFields = axes.map { axis in
            TableField(axis.column, axis.values.allSatisfy { Double($0)?.isFinite == true } ? .number : .string,
                       "the value of the swept scenario key \(axis.key) at this grid point (as written in --sweep or the sweep: block)")
        }
        switch file {
        case "timeseries.csv":
            return TableDescription(file: file, title: "Time series", description: "One row per replication and period (experiment.output_interval): stocks at the period's end, flows over the period.",
                                    fields: TimeseriesTable.idColumns.map(field) + metrics.map { metric($0) }, primaryKey: ["replication", "period_start"])
        case "summary.csv":
            return TableDescription(file: file, title: "Summary per replication", description: "One row per replication: every metric aggregated over the periods after warm-up (flows summed, stocks and rates averaged, the reserve at the end, mean waits weighted by their starts).",
                                    fields: SummaryTable.extraColumns.map(field) + metrics.map { metric($0) }, primaryKey: ["replication"])
        case "yearly.csv":
            return TableDescription(file: file, title: "Budget years per replication", description: "One row per replication and budget year: flows summed, stocks at the year's end, rates averaged, mean waits weighted by their starts.",
                                    fields: YearlyTables.idColumns.map(field) + metrics.map { metric($0) }, primaryKey: ["replication", "budget_year"])
        case "summary_stats.csv":
            return TableDescription(file: file, title: "Summary statistics across replications", description: "One row per metric: statistics over the replications' summary.csv values.",
                                    fields: stats([]), primaryKey: ["metric"])
        case "timeseries_stats.csv":
            return TableDescription(file: file, title: "Time-series statistics across replications", description: "One row per period and metric: statistics over the replications' timeseries.csv values.",
                                    fields: stats(periodColumns), primaryKey: ["period_start", "metric"])
        case "yearly_stats.csv":
            return TableDescription(file: file, title: "Budget-year statistics across replications", description: "One row per budget year and metric: statistics over the replications' yearly.csv values.",
                                    fields: stats(yearColumns), primaryKey: ["budget_year", "metric"])
        case "equity.csv":
            return TableDescription(file: file, title: "Outcomes per risk group", description: "One row per replication and risk group (population.risk_groups), aggregated over the periods after warm-up like summary.csv.",
                                    fields: [field(("replication", "number", "replication number, as in timeseries.csv")), field(("risk_group", "name", "the risk group's name"))]
                                        + EquityCatalog.definitions.map { metric($0) },
                                    primaryKey: ["replication", "risk_group"])
        case "comparison.csv":
            return TableDescription(file: file, title: "Paired differences B - A", description: "One row per compared scenario (against the first) and metric, over the periods after warm-up, on common random numbers.",
                                    fields: ComparisonTables.summaryColumns.map(field), primaryKey: ["scenario_a", "scenario_b", "metric"])
        case "comparison_timeseries.csv":
            return TableDescription(file: file, title: "Paired differences B - A per period", description: "One row per compared scenario, period and metric; written only for scenarios with the first one's horizon and output interval.",
                                    fields: ComparisonTables.timeseriesColumns.map(field),
                                    primaryKey: ["scenario_a", "scenario_b", "period_start", "metric"])
        case "sweep.csv":
            let means = metrics.flatMap { m in
                [metric(m, summary: "Mean over the grid point's replications of its summary.csv value"),
                 TableField("\(m.name)_hw95", .number, unit: m.unit, "half-width of the 95 % confidence interval of \(m.name)'s mean (Student's t)")]
            }
            return TableDescription(file: file, title: "Sweep: one row per grid point", description: "Every combination of the swept keys, the first varying slowest; all points share the seed (common random numbers).",
                                    fields: [field(("point", "number", "the grid point's number, from 0"))] + keyFields
                                        + [field(("replications", "number", "replications at this grid point"))] + means,
                                    primaryKey: ["point"])
        case "sweep_summary.csv":
            return TableDescription(file: file, title: "Sweep: one row per grid point and replication", description: "The grid point, its swept keys, then the columns of summary.csv.",
                                    fields: [field(("point", "number", "the grid point's number, as in sweep.csv"))] + keyFields
                                        + SummaryTable.extraColumns.map(field) + metrics.map { metric($0) },
                                    primaryKey: ["point", "replication"])
        case "fit_report.csv":
            return TableDescription(file: file, title: "Calibration fit", description: "One row per calibration target, at the fitted values.",
                                    fields: CalibrationReport.columns.map(field), primaryKey: [])
        case "checks.csv":
            return TableDescription(file: file, title: "Validation checks", description: "One row per check of runway validate-model (validation.md and report.html tell the same).",
                                    fields: ValidationChecks.columns.map(field), primaryKey: ["section", "check"])
        case "history_yearly.csv":
            return TableDescription(file: file, title: "History: the yearly series", description: "runway validate-model --history: one row per quantity and budget year, the mean over replications with its 95 % interval.",
                                    fields: HistoryTables.yearlyColumns.map(field), primaryKey: ["budget_year", "quantity"])
        case "history_changes.csv":
            return TableDescription(file: file, title: "History: changes after the transfer", description: "runway validate-model --history: one row per quantity and later year, its change from the transfer year within each replication.",
                                    fields: HistoryTables.changesColumns.map(field), primaryKey: ["quantity", "to_year"])
        case "history_fit.csv":
            return TableDescription(file: file, title: "History: the in-sample fit", description: "runway validate-model --history with --history-targets: one row per dated target (2015 or earlier), the simulated mean beside it.",
                                    fields: CalibrationReport.columns.map(field), primaryKey: [])
        default:
            // runway compare: each scenario's yearly_stats_<a|b|…>.csv.
            if file.hasPrefix("yearly_stats_"), file.hasSuffix(".csv"), let own = table("yearly_stats.csv") {
                let letter = file.dropFirst("yearly_stats_".count).dropLast(4)
                return TableDescription(file: file, title: own.title + " (scenario \(letter.uppercased()))",
                                        description: own.description + " For the compared scenario \(letter.uppercased()) (in the order given).",
                                        fields: own.fields, primaryKey: own.primaryKey)
            }
            return nil
        }
    }
}
