import CareModel

/// The dated values of a merged scenario tree: every block
/// `{values: {2000-01-01: 0.0, 2015-01-01: 0.09}, between: step}` standing where a
/// number would stand.
///
/// The decoder reads the tree once per change date with each block replaced by its
/// value on that date (`substituted(on:)`), so every range and cross-check runs at every
/// date with the file and line of the value in force.
struct DatedValues {
    struct Block {
        let series: DatedSeries
        /// Where each point's value was written (same order as `series.values`).
        let valueLocations: [SourceLocation]
        let dateLocations: [SourceLocation]
        let texts: [String]
        /// Whether each value was quoted (a quoted number is text, as in a plain value).
        let quoted: [Bool]
    }

    /// By dotted key path (list items as `name[k]`).
    private(set) var blocks: [String: Block] = [:]
    /// Key paths in the order found, for a stable `run.json`.
    private(set) var order: [String] = []

    var isEmpty: Bool { blocks.isEmpty }
    var series: [DatedSeries] { order.map { blocks[$0]!.series } }

    init(_ tree: ConfigNode) throws(ScenarioError) {
        try collect(tree, path: "")
    }

    private mutating func collect(_ node: ConfigNode, path: String) throws(ScenarioError) {
        if node.isDatedBlock {
            let block = try Self.read(node, path: path)
            blocks[path] = block
            order.append(path)
            return
        }
        switch node.value {
        case .scalar: return
        case .mapping(let entries):
            for entry in entries { try collect(entry.node, path: path.isEmpty ? entry.key : "\(path).\(entry.key)") }
        case .sequence(let items):
            for (k, item) in items.enumerated() { try collect(item, path: "\(path)[\(k)]") }
        }
    }

    /// Reads one block: dates in increasing order, each with a number (`between` step or
    /// linear) or each with a choice's option (in steps only).
    private static func read(_ node: ConfigNode, path: String) throws(ScenarioError) -> Block {
        let r = try ConfigReader(node, path: path, recording: false)
        let between: DatedSeries.Between = r.has("between") ? try r.choice("between", DatedSeries.Between.self, fixedBecause: "how a series moves is one rule for the whole run") : .step
        let valuesNode = try r.required("values", expected: "a block of dates and values")
        try r.finish()
        guard case .mapping(let entries) = valuesNode.value, !entries.isEmpty else {
            throw ScenarioError(valuesNode.location, "\(path).values", "expected a block of dates and values, e.g. {2000-01-01: 0.0, 2015-01-01: 0.09}")
        }
        var dates: [CalendarDate] = [], valueLocations: [SourceLocation] = [], dateLocations: [SourceLocation] = [], texts: [String] = []
        var numbers: [Double?] = [], quotes: [Bool] = []
        for entry in entries {
            let keyPath = "\(path).values.\(entry.key)"
            guard let date = CalendarDate(iso: entry.key), ConfigReader.dateRange.contains(date) else {
                throw ScenarioError(entry.keyLocation, keyPath, "expected a date YYYY-MM-DD (from \(ConfigReader.dateRange.lowerBound) to \(ConfigReader.dateRange.upperBound)) as the key of a dated value, got '\(entry.key)'")
            }
            if let last = dates.last, date <= last {
                throw ScenarioError(entry.keyLocation, keyPath, "date out of order: \(date) comes after \(last); give the dates in increasing order, each once")
            }
            // A number, or a choice's option (true/false included); the key's own reader checks which it needs.
            guard case .scalar(let text, let quoted) = entry.node.value, !entry.node.isNull else {
                throw ScenarioError(entry.node.location, keyPath, "expected a number or a choice for this date, got \(entry.node.kindName)")
            }
            let number = quoted ? nil : Double(text.replacingOccurrences(of: "_", with: ""))
            if let number, !number.isFinite {
                throw ScenarioError(entry.node.location, keyPath, "expected a finite number for this date, got '\(text)'")
            }
            dates.append(date)
            numbers.append(number)
            quotes.append(quoted)
            valueLocations.append(entry.node.location)
            dateLocations.append(entry.keyLocation)
            texts.append(text)
        }
        let isChoice = numbers.contains(nil)
        if isChoice && between == .linear {
            throw ScenarioError(r.location(of: "between"), "\(path).between",
                                "a choice cannot move in a straight line: choices change only in steps (between: step, the default), on each date given")
        }
        let points = dates.indices.map { k in
            isChoice ? DatedSeries.Point(date: dates[k], choice: texts[k]) : DatedSeries.Point(date: dates[k], value: numbers[k]!)
        }
        return Block(series: DatedSeries(key: path, between: between, values: points), valueLocations: valueLocations, dateLocations: dateLocations, texts: texts, quoted: quotes)
    }

    /// Refuses a date before `horizon.start` or from `horizon.end` on: a value can only
    /// change during the run.
    func checkWithin(_ horizon: Horizon) throws(ScenarioError) {
        for path in order {
            let block = blocks[path]!
            for (k, point) in block.series.values.enumerated() where point.date < horizon.start || point.date >= horizon.end {
                throw ScenarioError(block.dateLocations[k], "\(path).values.\(point.date)",
                                    "date outside the horizon: dated values must lie from horizon.start (\(horizon.start)) up to before horizon.end (\(horizon.end))")
            }
        }
    }

    /// Every date on which some value changes, after the start, in order.
    func changeDates(_ horizon: Horizon) -> [CalendarDate] {
        Set(blocks.values.flatMap { $0.series.changeDates(after: horizon.start, before: horizon.end) }).sorted()
    }

    /// The tree with every dated block replaced by its value on `date` (nil: the first
    /// values), marked as dated and located where that value was written.
    func substituted(_ node: ConfigNode, on date: CalendarDate?, path: String = "") -> ConfigNode {
        if let block = blocks[path], node.isDatedBlock {
            let points = block.series.values
            // The point in force (the first before any date), and whether the value lies between two points.
            let k = date.flatMap { d in points.lastIndex { $0.date <= d } } ?? 0
            let value = date.map { block.series.value(on: $0) } ?? points[0].value
            // A choice is the option written for the date in force; a number may lie between two dates.
            let text = block.series.isChoice || value == points[k].value ? block.texts[k] : String(value)
            var scalar = ConfigNode(value: .scalar(text, quoted: block.quoted[k]), location: block.valueLocations[k])
            scalar.isDated = true
            return scalar
        }
        switch node.value {
        case .scalar:
            return node
        case .mapping(let entries):
            let replaced = entries.map { entry in
                ConfigNode.Entry(key: entry.key, keyLocation: entry.keyLocation,
                                 node: substituted(entry.node, on: date, path: path.isEmpty ? entry.key : "\(path).\(entry.key)"))
            }
            return ConfigNode(value: .mapping(replaced), location: node.location)
        case .sequence(let items):
            return ConfigNode(value: .sequence(items.enumerated().map { substituted($1, on: date, path: "\(path)[\($0)]") }), location: node.location)
        }
    }
}

extension ConfigNode {
    /// A block with the key `values` stands for dated values, not for a section.
    var isDatedBlock: Bool {
        guard case .mapping(let entries) = value else { return false }
        return entries.contains { $0.key == "values" }
    }
}

extension DatedSeries {
    /// The series as one `--set` assignment (`key={values: {...}, between: ...}`), for
    /// tools that turn decisions per year into dated values (e.g. a workshop's rounds):
    /// pass it in `ScenarioLoader.load(path:overrides:)` like any `--set`. Numbers are
    /// written so that they read back exactly.
    public var assignment: String {
        let values = self.values.map { "\($0.date): \($0.text)" }.joined(separator: ", ")
        return "\(key)={values: {\(values)}, between: \(between.rawValue)}"
    }
}
