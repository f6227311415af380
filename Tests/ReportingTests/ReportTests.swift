import CareModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Reporting

/// The HTML report, read with an XML parser: which charts it holds, how many series
/// each draws, their labels and captions.
@Suite struct ReportTests {
    /// A synthetic run: `replications` replications, monthly periods from 2014 (warm-up)
    /// to the end of 2016, every metric a deterministic function of replication,
    /// period and column (non-negative, so every chart has something to draw).
    static func data(name: String = "fixture", replications: Int = 3, shift: Double = 0) -> ReportData {
        var periods: [(start: String, inWarmup: Bool)] = []
        for year in 2014...2016 {
            for month in 1...12 { periods.append((String(format: "%04d-%02d-01", year, month), year == 2014)) }
        }
        var values: [[[Double]]] = []
        for r in 0..<replications {
            var rows: [[Double]] = []
            for p in periods.indices {
                var row: [Double] = []
                for m in 0..<MetricCatalog.count {
                    let k: Int = (r * 7 + p * 3 + m * 5) % 11
                    row.append(Double(k) + 1 + shift)
                }
                rows.append(row)
            }
            values.append(rows)
        }
        return ReportData(scenario: name, periods: periods, values: values)
    }

    /// The elements of a page: each figure's id with the SVG elements and texts inside it.
    final class Page: NSObject, XMLParserDelegate {
        struct Figure { var id: String; var elements: [String: Int] = [:]; var texts: [String] = []; var title = ""; var desc = "" }
        var figures: [Figure] = []
        var tables = 0, rows = 0, scripts = 0, links: [String] = []
        var stack: [String] = []
        var text = ""
        var parsed = false

        init(_ html: String) {
            super.init()
            let parser = XMLParser(data: Data(html.utf8))
            parser.delegate = self
            parsed = parser.parse()
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            stack.append(name)
            text = ""
            switch name {
            case "figure": figures.append(Figure(id: attributes["id"] ?? ""))
            case "table": tables += 1
            case "tr": rows += 1
            case "script": scripts += 1
            case "link", "img": links.append(attributes["href"] ?? attributes["src"] ?? "")
            default: if stack.contains("figure") { figures[figures.count - 1].elements[name, default: 0] += 1 }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if stack.contains("figure") {
                if name == "text" { figures[figures.count - 1].texts.append(text) }
                if name == "title" && stack.dropLast().last == "svg" { figures[figures.count - 1].title = text }
                if name == "desc" { figures[figures.count - 1].desc = text }
            }
            stack.removeLast()
            text = ""
        }

        func figure(_ id: String) -> Figure? { figures.first { $0.id == id } }
    }

    @Test func theRunReportHoldsEveryChartWithItsSeries() throws {
        let files = try RunReport.files(Self.data())
        let html = try #require(files.first { $0.name == "report.html" }?.contents)
        let page = Page(html)
        try #require(page.parsed, "report.html is not well-formed")
        let ids = ["money", "balance", "waiting", "needs", "mean_waits", "burden", "users", "time_to_help"]
        #expect(Set(page.figures.map(\.id)) == Set(ids))
        #expect(Set(files.map(\.name)) == Set(["report.html"] + ids.map { "charts/\($0).svg" }))
        // No script, nothing fetched from elsewhere.
        #expect(page.scripts == 0 && page.links.isEmpty)
        #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))

        let waiting = try #require(page.figure("waiting"))
        #expect(waiting.elements["polyline"] == 6)  // one line per service
        #expect(waiting.elements["polygon"] == 6)   // each with its band
        #expect(waiting.texts.contains("neighbourhood team (wijkteam)"))
        #expect(waiting.texts.contains("youth protection (jeugdbescherming)"))
        #expect(waiting.texts.contains("youth health care (JGZ)"))
        #expect(waiting.desc.contains("3 replications"))
        #expect(waiting.desc.contains("never goes below zero"))
        #expect(waiting.texts.contains("Jan 2015") && waiting.texts.contains("Jan 2016"))  // under two years: quarters

        let needs = try #require(page.figure("needs"))
        #expect(needs.elements["polyline"] == 4)
        #expect(["light need", "moderate need", "severe need", "need not yet noticed (undetected)"].allSatisfy(needs.texts.contains))

        let money = try #require(page.figure("money"))
        // Two budget years after warm-up, six services and administration stacked; the
        // levers' spending is left out when it is zero (here it is not, so 9 layers).
        #expect(money.elements["rect"]! >= 2 * 7)
        #expect(money.texts.contains("income"))
        #expect(money.texts.contains("M EUR per budget year"))

        let users = try #require(page.figure("users"))
        #expect(users.elements["polyline"] == 3)
        #expect(page.figure("time_to_help")?.elements["polyline"] == 2)
        #expect(page.tables == 1)
    }

    /// equity.csv for two groups and three replications: the general group has 1,000
    /// children and 50 onsets in every replication, the other 100 children and 10 + r onsets.
    static let equityCSV = "replication,risk_group,children,onsets,needs_severe,needs_undetected,crises,aged_out_with_need,burden_index\n"
        + (0..<3).map { r in "\(r),general,1000,50,20,40,8,6,70\n\(r),low_income,100,\(10 + r),5,9,2,1,150\n" }.joined()

    @Test func theEquityChartsShowTheOutcomesPerRiskGroup() throws {
        let equity = try #require(EquityReport.table(csv: Self.equityCSV))
        #expect(equity.groups == ["general", "low_income"])
        #expect(equity.values.map(\.count) == [3, 3])
        #expect(EquityReport.table(csv: "replication,risk_group,children\n0,general,3\n") == nil)  // another header

        let files = try RunReport.files(Self.data(), equity: equity, years: 2)
        #expect(files.contains { $0.name == "charts/equity.svg" } && files.contains { $0.name == "charts/equity_burden.svg" })
        let page = Page(try #require(files.first { $0.name == "report.html" }?.contents))
        try #require(page.parsed)
        let rates = try #require(page.figure("equity"))
        #expect(rates.texts.contains("general") && rates.texts.contains("low income"))
        #expect(rates.texts.contains("new needs per year") && rates.texts.contains("with a severe need"))
        #expect(rates.desc.contains("per 1,000 children") && rates.desc.contains("3 replications"))
        #expect(rates.elements["line"] ?? 0 > 0)  // whiskers
        let burden = try #require(page.figure("equity_burden"))
        #expect(burden.texts.contains("low income"))
        // 50 onsets among 1,000 children over 2 years: 25 per 1,000 children per year.
        let svg = try #require(files.first { $0.name == "charts/equity.svg" }?.contents)
        #expect(svg.contains("general new needs per year: 25.00 (25.00 to 25.00)"), "\(svg.prefix(3000))")
        // Without equity.csv the report has no equity section.
        #expect(!(try RunReport.files(Self.data())).contains { $0.name == "charts/equity.svg" })
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let a = try RunReport.files(Self.data()), b = try RunReport.files(Self.data())
        #expect(a.map(\.name) == b.map(\.name))
        #expect(a.map(\.contents) == b.map(\.contents))
        let c = try CompareReport.files([Self.data(), Self.data(name: "other", shift: 1)])
        let d = try CompareReport.files([Self.data(), Self.data(name: "other", shift: 1)])
        #expect(c.map(\.contents) == d.map(\.contents))
    }

    @Test func flowsAreSummedPerBudgetYearAndWaitsWeightedByStarts() throws {
        let data = Self.data()
        #expect(data.budgetYears.map(\.year) == [2015, 2016])
        #expect(data.budgetYears.allSatisfy { $0.periods.count == 12 })
        let year = data.budgetYears[0].periods
        let spending = MetricCatalog.index("spending_total_eur")
        #expect(data.yearly("spending_total_eur", replication: 1, periods: year) == year.map { data.values[1][$0][spending] }.reduce(0, +))
        let waiting = MetricCatalog.index("waiting_team")
        #expect(data.yearly("waiting_team", replication: 0, periods: year) == year.map { data.values[0][$0][waiting] }.reduce(0, +) / 12)
        let wait = MetricCatalog.index("mean_wait_days_team"), starts = MetricCatalog.index("starts_team")
        let weighted = year.map { data.values[2][$0][wait] * data.values[2][$0][starts] }.reduce(0, +) / year.map { data.values[2][$0][starts] }.reduce(0, +)
        #expect(abs(data.yearly("mean_wait_days_team", replication: 2, periods: year) - weighted) < 1e-12)
    }

    @Test func theBandIsARangeOfTheReplicationsAndCannotGoBelowZero() {
        let band = Band([0, 0, 0, 10])
        #expect(band.lower == 0 && band.mean == 2.5 && band.upper > 9 && band.upper <= 10)
        #expect(Band([4]) == Band([4, 4]))
        #expect(Band([4]).lower == 4 && Band([4]).upper == 4)
        #expect(Band([.nan, 2]).mean == 2)
        #expect(Band([]).mean == 0)
    }

    @Test func theComparisonShowsBothScenariosAndTheirDifference() throws {
        let files = try CompareReport.files([Self.data(name: "A-scenario"), Self.data(name: "B-scenario", shift: 1)])
        let page = Page(try #require(files.first { $0.name == "report.html" }?.contents))
        try #require(page.parsed)
        let spending = try #require(page.figure("spending_total_eur"))
        #expect(spending.elements["polyline"] == 2)
        #expect(spending.texts.contains("A A-scenario") && spending.texts.contains("B B-scenario"))
        let difference = try #require(page.figure("spending_total_eur_difference"))
        #expect(difference.texts.contains("B-scenario − A-scenario"))
        #expect(difference.desc.contains("95 % confidence interval"))
        // B = A + 1 in every period: a difference with no spread, distinguishable every year.
        #expect(!difference.texts.contains("hollow: interval includes 0"))
        #expect(page.tables == 1)
        #expect(page.rows == 1 + CompareReport.quantities.count)
        let text = CompareReport.text([Self.data(name: "A-scenario"), Self.data(name: "B-scenario", shift: 1)])
        #expect(text.contains("M EUR per year"))
        #expect(text.contains("B-scenario (B) against A-scenario (A)"))
    }
}

@Suite struct YearlyTableTests {
    @Test func oneRowPerReplicationAndBudgetYearWithFlowsSummed() {
        let data = ReportTests.data(replications: 2)
        let lines = YearlyTables.csv(data).split(separator: "\n")
        #expect(lines.count == 1 + 2 * 3)  // header, 2 replications × 2014 (warm-up), 2015, 2016
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Array(header.prefix(4)) == ["replication", "budget_year", "in_warmup", "periods"])
        #expect(header.count == 4 + MetricCatalog.count)
        let row = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(row.prefix(4)) == ["0", "2015", "false", "12"])
        let column = header.firstIndex(of: "spending_total_eur")!
        let expected = data.yearly("spending_total_eur", replication: 0, periods: data.budgetYears[0].periods)
        #expect(Double(row[column]) == expected)
        #expect(lines[1].hasPrefix("0,2014,true,12,"))
    }

    @Test func statsHaveOneRowPerYearAndMetric() {
        let lines = YearlyTables.stats(ReportTests.data(replications: 3)).split(separator: "\n")
        #expect(lines.count == 1 + 3 * MetricCatalog.count)
        #expect(lines[0].hasPrefix("budget_year,in_warmup,metric,unit,replications,mean,"))
        #expect(lines[1].hasPrefix("2014,true,children,children,3,"))
    }
}

@Suite struct ReportDataTests {
    @Test func rowsAreReadAsTimeseriesCSVWritesThem() {
        let metrics = MetricCatalog.count
        func row(_ r: Int, _ date: String, _ warmup: Bool, _ first: String) -> String {
            ([String(r), date, String(warmup), first, "", "-2.5e-07", "12345.678901234567"]
             + Array(repeating: "0", count: metrics - 4)).joined(separator: ",") + "\n"
        }
        let data = ReportData(scenario: "x", timeseriesRows: [row(0, "2014-12-01", true, "3") + row(0, "2015-01-01", false, "4"),
                                                              row(1, "2014-12-01", true, "5") + row(1, "2015-01-01", false, "6")])
        #expect(data.periods.map(\.start) == ["2014-12-01", "2015-01-01"])
        #expect(data.periods.map(\.inWarmup) == [true, false])
        #expect(data.values.count == 2 && data.values[1].count == 2 && data.values[1][1].count == metrics)
        #expect(data.values[1][1][0] == 6)
        #expect(data.values[0][0][1].isNaN)
        #expect(data.values[0][0][2] == -2.5e-07)
        #expect(data.values[0][0][3] == Double("12345.678901234567"))
    }
}

@Suite struct SweepReportTests {
    static func points(_ count: Int) -> [[[Double]]] {
        (0..<count).map { p in (0..<2).map { r in (0..<MetricCatalog.count).map { Double(p * 10 + r + $0 % 3) } } }
    }

    @Test func oneKeyGivesBarsTwoKeysHeatMapsAndMoreKeysTheFirstTwo() throws {
        let one = try SweepReport.figures(axes: [.init(key: "a", values: ["0", "1", "2"])], points: Self.points(3), years: 6)
        #expect(one.count == SweepReport.outcomes.count)
        #expect(one.allSatisfy { $0.svg.contains("<path d=\"M") })  // whiskers
        let two = try SweepReport.figures(axes: [.init(key: "a", values: ["0", "1"]), .init(key: "b", values: ["x", "y", "z"])],
                                          points: Self.points(6), years: 6)
        #expect(two.allSatisfy { ReportTests.Page("<html>" + $0.svg + "</html>").parsed })
        #expect(two[0].svg.contains(">b</text>") && two[0].svg.contains(">z</text>"))
        let three = try SweepReport.figures(axes: [.init(key: "a", values: ["0", "1"]), .init(key: "b", values: ["x", "y"]),
                                                   .init(key: "c", values: ["p", "q"])], points: Self.points(8), years: 6)
        #expect(three[0].svg.contains("c = p"))
        let text = SweepReport.text(axes: [.init(key: "a", values: ["0", "1"])], points: Self.points(2), years: 6)
        #expect(text.split(separator: "\n").count == 4)
    }
}
