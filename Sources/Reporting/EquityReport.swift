import CareModel
import Charts

/// The equity charts of a run report: the main outcomes per risk group, read from
/// `equity.csv` (one row per replication and group, over the periods after warm-up).
public enum EquityReport {
    /// equity.csv as the report reads it.
    public struct Table: Sendable {
        /// Risk groups in the order the file lists them.
        public let groups: [String]
        /// values[group][replication][outcome], outcomes in `EquityCatalog` order.
        public let values: [[[Double]]]
    }

    /// Reads equity.csv; nil when its header is not the one this Runway writes, or it has no rows.
    public static func table(csv: String) -> Table? {
        var lines = csv.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first, header.split(separator: ",", omittingEmptySubsequences: false).map(String.init) == EquityTable.header else { return nil }
        lines.removeFirst()
        var groups: [String] = []
        var values: [[[Double]]] = []
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == EquityTable.header.count else { return nil }
            let group = String(fields[1])
            let row = fields.dropFirst(2).map { Double($0) ?? .nan }
            if let g = groups.firstIndex(of: group) {
                values[g].append(row)
            } else {
                groups.append(group)
                values.append([row])
            }
        }
        return groups.isEmpty ? nil : Table(groups: groups, values: values)
    }

    static func label(_ group: String) -> String { group.replacingOccurrences(of: "_", with: " ") }

    /// The outcomes shown per 1,000 children of the group: flows per year, stocks on an average day.
    static let rates: [(metric: String, label: String, flow: Bool)] = [
        ("onsets", "new needs per year", true),
        ("crises", "crises per year", true),
        ("aged_out_with_need", "left at 18 with a need, per year", true),
        ("needs_severe", "with a severe need", false),
        ("needs_undetected", "need not yet noticed (undetected)", false),
    ]

    /// Two charts: outcomes per 1,000 children by risk group, and the burden index by
    /// risk group, with whiskers across replications. `years`: the horizon after warm-up.
    public static func figures(_ table: Table, years: Double) throws -> [RunReport.Figure] {
        let index = { (name: String) in EquityCatalog.definitions.firstIndex { $0.name == name }! }
        let children = index("children")
        let n = table.values.map(\.count).min() ?? 0
        let categories = table.groups.map(label)
        let whiskers = "Bars: mean over \(n) replication\(n == 1 ? "" : "s"); whiskers: the 2.5th to 97.5th percentile of the replications (a percentile range, so it never goes below zero)."
        var series: [CategorySeries] = []
        for (k, rate) in rates.enumerated() {
            let m = index(rate.metric)
            let bands = table.values.map { replications in
                Band(replications.map { row in
                    guard row[children] > 0 else { return .nan }
                    return row[m] / row[children] * 1000 / (rate.flow && years > 0 ? years : 1)
                })
            }
            series.append(try CategorySeries(name: rate.label, values: bands.map(\.mean), intervals: bands.map { ($0.lower, $0.upper) },
                                             color: Palette.line(k)))
        }
        let span = years > 0 ? "the \(Format.number(years, decimals: 1)) years after warm-up" : "the periods after warm-up"
        let rateFrame = ChartFrame(title: "Outcomes per risk group, per 1,000 children", xLabel: "risk group", yLabel: "per 1,000 children of the group",
                                   caption: "For each risk group over \(span): new needs, crises and young people who reached 18 with a need, per 1,000 children of the group per year; children with a severe need and with a need not yet noticed, per 1,000 children of the group on an average day. " + whiskers)
        let burden = table.values.map { Band($0.map { $0[index("burden_index")] }) }
        let burdenFrame = ChartFrame(title: "Burden index per risk group", xLabel: "risk group", yLabel: "weighted need-days per child-year",
                                     caption: "Need-days weighted by severity, per child of the group per year, over \(span). " + whiskers)
        let burdenSeries = try CategorySeries(name: "burden index", values: burden.map(\.mean), intervals: burden.map { ($0.lower, $0.upper) },
                                              color: Palette.line(0))
        return [
            RunReport.Figure(name: "equity", title: "Outcomes per risk group",
                             svg: try BarChart(frame: rateFrame, categories: categories, series: series).svg()),
            RunReport.Figure(name: "equity_burden", title: "Burden index per risk group",
                             svg: try BarChart(frame: burdenFrame, categories: categories, series: [burdenSeries]).svg()),
        ]
    }
}
