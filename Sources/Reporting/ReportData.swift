import CareModel
import Experiments
import Foundation
import Stochastics

/// A scenario's results as the report reads them: every replication's value of every
/// metric in every period, and the same summed or averaged per budget year.
public struct ReportData: Sendable {
    public let scenario: String
    /// Each period's first day (ISO 8601) and whether it lies in the warm-up.
    public let periods: [(start: String, inWarmup: Bool)]
    /// values[replication][period][metric], metrics in `MetricCatalog` order.
    public let values: [[[Double]]]

    public var replications: Int { values.count }

    public init(scenario: String, periods: [(start: String, inWarmup: Bool)], values: [[[Double]]]) {
        self.scenario = scenario
        self.periods = periods
        self.values = values
    }

    /// From the rows of each replication as in timeseries.csv (without header). Reads
    /// the bytes directly (a municipal run has some 300,000 numbers).
    public init(scenario: String, timeseriesRows: [String]) {
        let offset = TimeseriesTable.idColumns.count
        var periods: [(start: String, inWarmup: Bool)] = []
        var values: [[[Double]]] = []
        for (r, text) in timeseriesRows.enumerated() {
            var bytes = Array(text.utf8)
            bytes.append(0)
            var rows: [[Double]] = []
            bytes.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress!
                let end = buffer.count - 1
                var i = 0
                while i < end {
                    var field = 0
                    var row: [Double] = []
                    row.reserveCapacity(MetricCatalog.count)
                    var start = i
                    var period = "", warmup = false
                    while true {
                        let c = i < end ? base[i] : UInt8(ascii: "\n")
                        if c == UInt8(ascii: ",") || c == UInt8(ascii: "\n") {
                            if field == 1 || field == 2 {
                                let text = String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
                                if field == 1 { period = text } else { warmup = text == "true" }
                            } else if field >= offset {
                                if i == start {
                                    row.append(.nan)
                                } else {
                                    base[i] = 0
                                    row.append(strtod(UnsafeRawPointer(base + start).assumingMemoryBound(to: CChar.self), nil))
                                    base[i] = c
                                }
                            }
                            field += 1
                            start = i + 1
                            if c == UInt8(ascii: "\n") { break }
                        }
                        i += 1
                    }
                    i += 1
                    if field > offset {
                        if r == 0 { periods.append((period, warmup)) }
                        rows.append(row)
                    }
                }
            }
            values.append(rows)
        }
        self.init(scenario: scenario, periods: periods, values: values)
    }

    /// From replications held in memory (`runway compare`).
    public init(scenario: String, results: [ReplicationResult]) {
        let periods = (results.first?.rows ?? []).map { (start: $0.periodStart.description, inWarmup: $0.inWarmup) }
        self.init(scenario: scenario, periods: periods, values: results.map { $0.rows.map(\.values) })
    }

    /// The periods after warm-up: their indices and fractional years (for time axes).
    public var shownPeriods: [(index: Int, year: Double)] {
        periods.enumerated().compactMap { p in
            guard !p.element.inWarmup, let y = Self.fractionalYear(p.element.start) else { return nil }
            return (p.offset, y)
        }
    }

    /// The budget years after warm-up, each with its periods.
    public var budgetYears: [(year: Int, periods: [Int])] {
        var out: [(year: Int, periods: [Int])] = []
        for (k, p) in periods.enumerated() where !p.inWarmup {
            guard let year = Int(p.start.prefix(4)) else { continue }
            if out.last?.year == year { out[out.count - 1].periods.append(k) } else { out.append((year, [k])) }
        }
        return out
    }

    public static func fractionalYear(_ iso: String) -> Double? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (y, m, d) = (parts[0], parts[1], parts[2])
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(m) else { return nil }
        let day = lengths.prefix(m - 1).reduce(0, +) + d - 1
        return Double(y) + Double(day) / Double(leap ? 366 : 365)
    }

    /// One replication's value of a metric over one budget year, as its aggregation
    /// says: flows summed, stocks and rates averaged over the year's periods, a final
    /// value taken at the year's end, a mean wait weighted by its starts. With
    /// `stocksAtEnd` (`yearly.csv`), a stock is its value at the end of the last period.
    public func yearly(_ metric: String, replication r: Int, periods: [Int], stocksAtEnd: Bool = false) -> Double {
        let m = MetricCatalog.index(metric)
        let definition = MetricCatalog.definitions[m]
        let xs = periods.map { values[r][$0][m] }.filter { !$0.isNaN }
        guard !xs.isEmpty else { return .nan }
        switch definition.aggregation {
        case .total: return xs.reduce(0, +)
        case .stock where stocksAtEnd, .final: return xs.last!
        case .average, .stock: return xs.reduce(0, +) / Double(xs.count)
        case .weighted:
            let w = MetricCatalog.index(definition.weightColumn!)
            var sum = 0.0, weight = 0.0
            for p in periods where !values[r][p][m].isNaN {
                sum += values[r][p][m] * values[r][p][w]
                weight += values[r][p][w]
            }
            return weight > 0 ? sum / weight : 0
        }
    }

    /// Per budget year, each replication's value of a derived quantity.
    public func yearlyValues(_ value: (_ replication: Int, _ periods: [Int]) -> Double) -> [(year: Int, values: [Double])] {
        budgetYears.map { year in (year.year, (0..<replications).map { value($0, year.periods) }) }
    }

    public func yearlyValues(_ metric: String, scale: Double = 1) -> [(year: Int, values: [Double])] {
        yearlyValues { yearly(metric, replication: $0, periods: $1) / scale }
    }

    /// Per period after warm-up, each replication's value.
    public func periodValues(_ metric: String, scale: Double = 1) -> [(year: Double, values: [Double])] {
        let m = MetricCatalog.index(metric)
        return shownPeriods.map { p in (p.year, (0..<replications).map { values[$0][p.index][m] / scale }) }
    }
}

/// The middle line and band of values across replications.
public struct Band: Sendable, Equatable {
    public let mean: Double
    public let lower: Double
    public let upper: Double

    /// The mean, and the 2.5th and 97.5th percentiles (linear between order
    /// statistics): a range of the replications' own values, so a count's band never
    /// goes below zero. NaNs are left out; none left gives zeros.
    public init(_ values: [Double]) {
        let xs = values.filter { $0.isFinite }.sorted()
        guard !xs.isEmpty else { mean = 0; lower = 0; upper = 0; return }
        mean = xs.reduce(0, +) / Double(xs.count)
        lower = min(Band.quantile(xs, 0.025), mean)
        upper = max(Band.quantile(xs, 0.975), mean)
    }

    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let h = Double(sorted.count - 1) * q
        let i = Int(h.rounded(.down))
        let j = min(i + 1, sorted.count - 1)
        return sorted[i] + (h - Double(i)) * (sorted[j] - sorted[i])
    }
}
