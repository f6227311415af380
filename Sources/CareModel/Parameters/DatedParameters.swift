/// Parameters that change during a run (dated values, OpenFisca-style): the series as
/// the scenario gave them, and the full parameter set in force from each change date.
///
/// `ModelParameters` itself holds the set in force at `horizon.start`; `changes` holds
/// the later sets, in date order, each complete and checked like the first, so a
/// replication switches whole sets and never mixes two dates.
public struct DatedParameters: Sendable, Codable, Equatable {
    /// Every dated key, as written (for `run.json`).
    public var series: [DatedSeries]
    /// The parameter sets in force from each change date after the start (their own
    /// `dated` is nil). Not written to JSON: the series say the same in fewer words.
    public var changes: [ParameterChange]

    public init(series: [DatedSeries], changes: [ParameterChange]) {
        self.series = series
        self.changes = changes
    }

    private enum CodingKeys: String, CodingKey { case series }

    public init(from decoder: Decoder) throws {
        series = try decoder.container(keyedBy: CodingKeys.self).decode([DatedSeries].self, forKey: .series)
        changes = []
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(series, forKey: .series)
    }
}

/// One dated key: `budget_share: {values: {2000-01-01: 0.0, 2015-01-01: 0.09}, between: step}`.
public struct DatedSeries: Sendable, Codable, Equatable {
    /// How the value moves between two dates.
    public enum Between: String, Sendable, Codable, CaseIterable {
        /// The value holds until the next date (the default).
        case step
        /// The value moves in a straight line to the next date, sampled on the first of
        /// each month (the model's periods are months).
        case linear
    }

    /// One date's value: a number, or for a choice (an option or true/false) its text.
    public struct Point: Sendable, Codable, Equatable {
        public var date: CalendarDate
        /// The number (0 for a choice).
        public var value: Double
        /// A choice's option as written (`absorb`, `true`); nil for a number.
        public var choice: String?

        public init(date: CalendarDate, value: Double) {
            self.date = date
            self.value = value
        }

        public init(date: CalendarDate, choice: String) {
            self.date = date
            self.value = 0
            self.choice = choice
        }

        private enum CodingKeys: String, CodingKey { case date, value }

        /// `value` is the number, or the choice's text (so `run.json` reads as the scenario was written).
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            date = try c.decode(CalendarDate.self, forKey: .date)
            if let number = try? c.decode(Double.self, forKey: .value) {
                value = number
            } else {
                value = 0
                choice = try c.decode(String.self, forKey: .value)
            }
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            if let choice { try c.encode(choice, forKey: .value) } else { try c.encode(value, forKey: .value) }
        }

        /// The value as a scenario file writes it.
        public var text: String { choice ?? String(value) }
    }

    /// Dotted key, with list items as `name[k]`.
    public var key: String
    public var between: Between
    /// In date order; before the first date the first value holds, after the last the last.
    public var values: [Point]

    public init(key: String, between: Between, values: [Point]) {
        self.key = key
        self.between = between
        self.values = values
    }

    /// A series of choices (options or true/false): these change only in steps.
    public var isChoice: Bool { values.contains { $0.choice != nil } }

    /// The value in force on `date`.
    public func value(on date: CalendarDate) -> Double {
        guard let first = values.first, date > first.date else { return values.first?.value ?? 0 }
        let after = values.firstIndex { $0.date > date } ?? values.count
        let before = values[after - 1]
        guard between == .linear, after < values.count else { return before.value }
        let next = values[after]
        let fraction = Double(date.daysSinceEpoch - before.date.daysSinceEpoch) / Double(next.date.daysSinceEpoch - before.date.daysSinceEpoch)
        return before.value + (next.value - before.value) * fraction
    }

    /// The dates on which the value changes, from `start` (exclusive) to `end` (exclusive):
    /// each date given, and with `linear` every first of a month between two dates.
    public func changeDates(after start: CalendarDate, before end: CalendarDate) -> [CalendarDate] {
        var dates = values.map(\.date)
        if between == .linear {
            for (a, b) in zip(values, values.dropFirst()) {
                var month = a.date.firstOfMonth(adding: 1)
                while month < b.date {
                    dates.append(month)
                    month = month.firstOfMonth(adding: 1)
                }
            }
        }
        return dates.filter { $0 > start && $0 < end }
    }
}

/// The full parameter set in force from `date`.
public struct ParameterChange: Sendable, Equatable {
    public var date: CalendarDate
    public var parameters: ModelParameters

    public init(date: CalendarDate, parameters: ModelParameters) {
        self.date = date
        self.parameters = parameters
    }
}
