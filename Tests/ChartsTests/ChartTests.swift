import Testing
@testable import Charts

@Suite struct ChartTests {
    static let frame = ChartFrame(title: "Waiting list (wachtlijst)", xLabel: "date", yLabel: "children",
                                  caption: "Line: mean over 4 replications; band: 2.5th to 97.5th percentile.")

    static func count(_ text: String, _ needle: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func aTimelineDrawsARowPerItemWithItsSpansAndMarks() throws {
        let categories = [TimelineChart.Category(name: "light need", color: "#BDD7E7"),
                          TimelineChart.Category(name: "in care", color: "#000000", track: 1),
                          TimelineChart.Category(name: "waiting", color: "#555555", track: 1, hollow: true)]
        let rows = [TimelineChart.Row(label: "1 A", spans: [.init(start: 2015, end: 2016.5, category: 0),
                                                            .init(start: 2015.2, end: 2015.4, category: 2),
                                                            .init(start: 2015.4, end: 2016, category: 1)],
                                      marks: [(2015.3, "crisis")]),
                    TimelineChart.Row(label: "1 B", spans: [])]
        let svg = try TimelineChart(frame: Self.frame, categories: categories, rows: rows, domain: 2014...2018, markName: "crisis").svg()
        #expect(Self.count(svg, "<title>1 A: ") == 4)  // three spans and a mark
        #expect(svg.contains(">1 B</text>") && svg.contains(">waiting</text>") && svg.contains(">crisis</text>"))
        #expect(svg.contains(">2016</text>"))
        // Spans that end before they start, unknown categories and NaN are refused.
        #expect(throws: ChartError.badBand("x")) {
            try TimelineChart(frame: Self.frame, categories: categories, rows: [.init(label: "x", spans: [.init(start: 2016, end: 2015, category: 0)])], domain: 2014...2018)
        }
        #expect(throws: ChartError.badBand("x")) {
            try TimelineChart(frame: Self.frame, categories: categories, rows: [.init(label: "x", spans: [.init(start: 2015, end: 2016, category: 3)])], domain: 2014...2018)
        }
        #expect(throws: ChartError.nonFinite("x", 0)) {
            try TimelineChart(frame: Self.frame, categories: categories, rows: [.init(label: "x", spans: [.init(start: .nan, end: 2016, category: 0)])], domain: 2014...2018)
        }
        #expect(try TimelineChart(frame: Self.frame, categories: categories, rows: [], domain: 2014...2018).svg().contains(">no data<"))
    }

    @Test func nanAndInfinityAreRefused() {
        #expect(throws: ChartError.nonFinite("a", 1)) { try Series(name: "a", points: [(0, 1), (1, .nan)]) }
        #expect(throws: ChartError.nonFinite("a", 0)) { try Series(name: "a", points: [(.infinity, 1)]) }
        #expect(throws: ChartError.nonFinite("b", 0)) { try Series(name: "b", points: [(0, 1)], band: [(-.infinity, 2)]) }
        #expect(throws: ChartError.badBand("c")) { try Series(name: "c", points: [(0, 1)], band: [(2, 1)]) }
        #expect(throws: ChartError.badBand("c")) { try Series(name: "c", points: [(0, 1)], band: []) }
        #expect(throws: ChartError.nonFinite("d", 2)) { try CategorySeries(name: "d", values: [1, 2, .nan]) }
    }

    @Test func stacksRefuseNegativePartsAndWrongLengths() throws {
        let negative = try CategorySeries(name: "team", values: [1, -2])
        #expect(throws: ChartError.negativeInStack("team", 1)) {
            try StackedBarChart(frame: Self.frame, categories: ["2015", "2016"], layers: [negative])
        }
        let short = try CategorySeries(name: "jgz", values: [1])
        #expect(throws: ChartError.lengthMismatch("jgz")) {
            try StackedBarChart(frame: Self.frame, categories: ["2015", "2016"], layers: [short])
        }
    }

    @Test func anEmptyChartSaysSo() throws {
        let svg = LineChart(frame: Self.frame, series: []).svg()
        #expect(svg.contains("no data"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let empty = try Series(name: "empty", points: [])
        #expect(LineChart(frame: Self.frame, series: [empty]).svg().contains("no data"))
        #expect(try BarChart(frame: Self.frame, categories: [], series: []).svg().contains("no data"))
    }

    @Test func aSinglePointIsDrawnAsAMarkerWithItsInterval() throws {
        let one = try Series(name: "one", points: [(2015, 10)], band: [(8, 12)])
        let svg = LineChart(frame: Self.frame, series: [one]).svg()
        #expect(Self.count(svg, "<circle") == 1)
        #expect(Self.count(svg, "<polyline") == 0)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test func linesBandsAndLegend() throws {
        let a = try Series(name: "neighbourhood team (wijkteam)", points: [(2015, 10), (2016, 12), (2017, 11)], band: [(8, 12), (10, 14), (9, 13)])
        let b = try Series(name: "youth protection (jeugdbescherming)", points: [(2015, 3), (2016, 4), (2017, 5)])
        let svg = LineChart(frame: Self.frame, series: [a, b]).svg()
        #expect(Self.count(svg, "<polyline") == 2)
        #expect(Self.count(svg, "<polygon") == 1)
        #expect(svg.contains("neighbourhood team (wijkteam)"))
        #expect(svg.contains("<title>Waiting list (wachtlijst)</title>"))
        #expect(svg.contains(">2016</text>"))
        #expect(svg.contains(Palette.line(0)) && svg.contains(Palette.line(1)))
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        func make() throws -> String {
            var points: [(x: Double, y: Double)] = []
            var band: [(lower: Double, upper: Double)] = []
            for k in 0..<50 {
                let square = Double(k * k)
                points.append((2000 + Double(k) / 12, square / 7))
                band.append((square / 8, square / 6))
            }
            let s = try Series(name: "x", points: points, band: band)
            return LineChart(frame: Self.frame, series: [s]).svg()
        }
        #expect(try make() == make())
    }

    @Test func stackedBarsHaveOneRectPerPositivePartAndAnIncomeLine() throws {
        let layers = [try CategorySeries(name: "JGZ", values: [1, 2, 0]), try CategorySeries(name: "team", values: [3, 1, 2])]
        let income = try CategorySeries(name: "income", values: [5, 5, 4])
        let svg = try StackedBarChart(frame: Self.frame, categories: ["2015", "2016", "2017"], layers: layers, lines: [income]).svg()
        #expect(Self.count(svg, "<rect x=") == 1 + 2 + 5)  // background, legend swatches, five positive parts
        #expect(Self.count(svg, "<polyline") == 1)
        #expect(svg.contains(">income</text>"))
    }

    @Test func hollowBarsMarkIntervalsThatHoldZero() throws {
        let d = try CategorySeries(name: "B - A", values: [-2, 0.5], intervals: [(-3, -1), (-0.5, 1.5)], solid: [true, false])
        let svg = try BarChart(frame: Self.frame, categories: ["2015", "2016"], series: [d]).svg()
        #expect(svg.contains("hollow: interval includes 0"))
        #expect(Self.count(svg, "fill=\"#ffffff\" stroke=") >= 2)  // the hollow bar and its legend swatch
        #expect(Self.count(svg, "<path d=\"M") == 2)
    }

    @Test func crowdedCategoryLabelsAreThinned() throws {
        let years = (2000..<2060).map(String.init)
        let s = try CategorySeries(name: "x", values: years.map { _ in 1 })
        let svg = try BarChart(frame: Self.frame, categories: years, series: [s]).svg()
        #expect(svg.contains(">2000</text>"))
        #expect(!svg.contains(">2001</text>"))
    }
}

@Suite struct HeatMapTests {
    static let frame = ChartFrame(title: "Burden index over the sweep", xLabel: "runway years", yLabel: "cut fraction", caption: "Means over 4 replications.")

    @Test func oneCellPerValueWithItsLabel() throws {
        let map = try HeatMap(frame: Self.frame, columns: ["0", "5"], rows: ["0", "0.1", "0.2"], values: [[1, 2], [3, 4], [5, 6.25]])
        let svg = map.svg()
        #expect(ChartTests.count(svg, "<rect x=") == 1 + 6)
        #expect(svg.contains(">6.3</text>") || svg.contains(">6.2</text>"))
        #expect(svg.contains(HeatMap.color(0)) && svg.contains(HeatMap.color(1)))
        #expect(map.svg() == svg)
    }

    @Test func refusesRaggedGridsAndNaN() {
        #expect(throws: ChartError.lengthMismatch("a")) { try HeatMap(frame: Self.frame, columns: ["x", "y"], rows: ["a"], values: [[1]]) }
        #expect(throws: ChartError.nonFinite("a", 1)) { try HeatMap(frame: Self.frame, columns: ["x", "y"], rows: ["a"], values: [[1, .nan]]) }
        #expect(throws: ChartError.lengthMismatch("rows")) { try HeatMap(frame: Self.frame, columns: ["x"], rows: ["a", "b"], values: [[1]]) }
    }

    @Test func theRampRunsFromLightToDark() {
        #expect(HeatMap.color(0) == "#EFF3FF")
        #expect(HeatMap.color(1) == "#08306B")
        #expect(HeatMap.color(.nan) == "#EFF3FF")
    }
}
