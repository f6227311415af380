import Foundation
@testable import CareModel
import Experiments
import Testing

/// Targets dated by budget year (a history to fit), next to the undated ones.
@Suite struct CalibrationTargetTests {
    @Test func readsYearsWhenTheHeaderHasThem() throws {
        let text = "year,quantity,value,weight,source\n# a comment\n2000,helped_share,0.037,1,use_share_u18_2000\n,stay_share,0.0123,0.5,whole horizon\n"
        let targets = try CalibrationTarget.parse(text, file: "t.csv")
        #expect(targets == [CalibrationTarget(year: 2000, quantity: .helpedShare, value: 0.037, weight: 1, source: "use_share_u18_2000"),
                            CalibrationTarget(quantity: .stayShare, value: 0.0123, weight: 0.5, source: "whole horizon")])
        let undated = try CalibrationTarget.parse("quantity,value,weight,source\nhelped_share,0.1,1,a, b\n", file: "t.csv")
        #expect(undated == [CalibrationTarget(quantity: .helpedShare, value: 0.1, weight: 1, source: "a, b")])
    }

    @Test func aBadYearNamesItsLine() {
        let error = #expect(throws: CalibrationError.self) {
            try CalibrationTarget.parse("year,quantity,value,weight,source\n20x0,helped_share,0.1,1,s\n", file: "t.csv")
        }
        #expect(error?.description.hasPrefix("t.csv:2: year: expected a year") == true)
    }

    @Test func aYearOutsideTheReportedYearsIsRefused() throws {
        let horizon = Horizon(start: CalendarDate(year: 2010, month: 1, day: 1)!, end: CalendarDate(year: 2016, month: 1, day: 1)!,
                              warmupUntil: CalendarDate(year: 2012, month: 1, day: 1)!, initialState: .allWell)
        let inside = CalibrationTarget(year: 2015, quantity: .helpedShare, value: 0.1, weight: 1, source: "s")
        try CalibrationTarget.check([inside], horizon: horizon, file: "t.csv")
        for year in [2011, 2016] {
            let error = #expect(throws: CalibrationError.self) {
                try CalibrationTarget.check([CalibrationTarget(year: year, quantity: .helpedShare, value: 0.1, weight: 1, source: "s")],
                                            horizon: horizon, file: "t.csv")
            }
            #expect(error?.description.contains("only the budget years 2012–2015") == true)
        }
    }

    /// Two years of monthly rows, 12 crises a year in the first and 24 in the second,
    /// among 1,000 children: the dated targets see their own year, the undated one the mean.
    @Test func aDatedTargetReadsItsOwnYear() {
        let metrics = MetricCatalog.definitions.count
        let rows = (0..<24).map { month in
            var values = [Double](repeating: 0, count: metrics)
            values[MetricCatalog.index("children")] = 1000
            values[MetricCatalog.index("crises")] = month < 12 ? 1 : 2
            return PeriodRow(periodStart: CalendarDate(year: 2020 + month / 12, month: month % 12 + 1, day: 1)!, inWarmup: false,
                             values: values, groups: [])
        }
        let result = ReplicationResult(replication: 0, rows: rows, events: 0, initialChildren: 1000, childrenBorn: 0, childrenLeft: 0,
                                       childrenAtEnd: 1000, initialReserve: 0)
        let targets = [CalibrationTarget(year: 2020, quantity: .protectionInflowPer1000, value: 12, weight: 1, source: "s"),
                       CalibrationTarget(year: 2021, quantity: .protectionInflowPer1000, value: 12, weight: 1, source: "s"),
                       CalibrationTarget(quantity: .protectionInflowPer1000, value: 12, weight: 1, source: "s")]
        let fit = CalibrationFit(targets: targets, results: [result, result], years: 2)
        #expect(fit.rows.map(\.simulated.mean) == [12, 24, 18])
        #expect(abs(fit.objective - 1.25) < 1e-12, "0 + 1 + 0.25")
    }
}

/// The shipped targets files parse, and the history holds no figure dated after 2015
/// (later years test the model, they are never fitted).
@Suite struct ShippedTargetsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Scenarios").standardized

    @Test(arguments: ["targets-2015.csv", "targets-history.csv"])
    func parses(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let targets = try CalibrationTarget.parse(text, file: name)
        #expect(targets.allSatisfy { ($0.year ?? 2015) <= 2015 }, "a target dated after 2015 in \(name)")
    }

    /// The history scenario's shipped fit report (Scenarios/nl-history-fit.csv, the
    /// fit_report.csv of its calibration) is in step with targets-history.csv: the same
    /// rows (year, quantity, target, weight).
    @Test func theHistoryFitReportListsEveryHistoryTarget() throws {
        let targets = try CalibrationTarget.parse(String(contentsOf: Self.folder.appendingPathComponent("targets-history.csv"), encoding: .utf8),
                                                  file: "targets-history.csv")
        let report = try String(contentsOf: Self.folder.appendingPathComponent("nl-history-fit.csv"), encoding: .utf8)
        let lines = report.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("year,quantity,target,weight,source,") == true)
        let rows = lines.dropFirst().map { line -> String in
            let f = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).prefix(4).map(String.init)
            return "\(f[0]) \(f[1]) \(Double(f[2]) ?? .nan) \(Double(f[3]) ?? .nan)"
        }
        let expected = targets.map { "\($0.year.map(String.init) ?? "") \($0.quantity.rawValue) \($0.value) \($0.weight)" }
        #expect(rows.sorted() == expected.sorted())
    }
}

