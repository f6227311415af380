/// Why a chart refuses its data.
public enum ChartError: Error, Equatable, CustomStringConvertible {
    /// A value that is NaN or infinite (series, index).
    case nonFinite(String, Int)
    /// A band whose lower end is above its upper end, or whose length is not the series'.
    case badBand(String)
    /// A series whose length is not the number of categories.
    case lengthMismatch(String)
    /// A negative value in a stacked chart (stacks add non-negative parts).
    case negativeInStack(String, Int)

    public var description: String {
        switch self {
        case .nonFinite(let s, let i): "series '\(s)': value \(i) is not a finite number"
        case .badBand(let s): "series '\(s)': its band does not match its values"
        case .lengthMismatch(let s): "series '\(s)': not one value per category"
        case .negativeInStack(let s, let i): "layer '\(s)': value \(i) is negative and cannot be stacked"
        }
    }
}

/// One curve: points (x, y) and, optionally, a band (lower, upper) at each point.
public struct Series: Sendable, Equatable {
    public let name: String
    public let points: [(x: Double, y: Double)]
    public let band: [(lower: Double, upper: Double)]?
    public let color: String?
    public let dashed: Bool

    public init(name: String, points: [(x: Double, y: Double)], band: [(lower: Double, upper: Double)]? = nil,
                color: String? = nil, dashed: Bool = false) throws(ChartError) {
        for (i, p) in points.enumerated() where !(p.x.isFinite && p.y.isFinite) { throw .nonFinite(name, i) }
        if let band {
            guard band.count == points.count else { throw .badBand(name) }
            for (i, b) in band.enumerated() {
                guard b.lower.isFinite && b.upper.isFinite else { throw .nonFinite(name, i) }
                guard b.lower <= b.upper else { throw .badBand(name) }
            }
        }
        self.name = name
        self.points = points
        self.band = band
        self.color = color
        self.dashed = dashed
    }

    public static func == (a: Series, b: Series) -> Bool {
        a.name == b.name && a.color == b.color && a.dashed == b.dashed
            && a.points.map(\.x) == b.points.map(\.x) && a.points.map(\.y) == b.points.map(\.y)
            && a.band?.map(\.lower) == b.band?.map(\.lower) && a.band?.map(\.upper) == b.band?.map(\.upper)
    }
}

/// Values per category (a bar series or a stack layer), with optional intervals.
public struct CategorySeries: Sendable {
    public let name: String
    public let values: [Double]
    public let intervals: [(lower: Double, upper: Double)]?
    /// Per value: false draws the bar hollow (e.g. an interval that holds zero).
    public let solid: [Bool]?
    public let color: String?

    public init(name: String, values: [Double], intervals: [(lower: Double, upper: Double)]? = nil, solid: [Bool]? = nil,
                color: String? = nil) throws(ChartError) {
        for (i, v) in values.enumerated() where !v.isFinite { throw .nonFinite(name, i) }
        if let intervals {
            guard intervals.count == values.count else { throw .badBand(name) }
            for (i, b) in intervals.enumerated() {
                guard b.lower.isFinite && b.upper.isFinite else { throw .nonFinite(name, i) }
                guard b.lower <= b.upper else { throw .badBand(name) }
            }
        }
        if let solid, solid.count != values.count { throw .lengthMismatch(name) }
        self.name = name
        self.values = values
        self.intervals = intervals
        self.solid = solid
        self.color = color
    }
}

/// What every chart has: a title, axis labels with units, a caption, and its size.
public struct ChartFrame: Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var caption: String
    public var width: Double = 900
    public var plotHeight: Double = 320

    public init(title: String, xLabel: String, yLabel: String, caption: String) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.caption = caption
    }
}
