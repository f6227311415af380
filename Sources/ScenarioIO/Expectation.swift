/// What a number must be, with the words used in error messages.
///
/// Every numeric parameter has a finite range with a physical meaning, so that no value
/// that passes can overflow a count, a day or a sum of money later (the limits are
/// listed in README.md, "Scenario files"):
///
/// | quantity | range |
/// |---|---|
/// | probabilities, fractions, shares | 0 to 1 |
/// | rates (hazards per year) | 0 to 365 (once a day) |
/// | factors on hazards (multipliers) | 0 to 100 |
/// | money per year, reserves, one-off amounts | 0 to 100 billion euros (1e11) |
/// | costs per FTE or household per year | 1 euro to 100 billion euros |
/// | tariffs and costs per day | 0 to 250 million euros (a year of it within 100 billion) |
/// | places per 1,000 children | 0 to 1,000 (a place for every child) |
/// | durations' mean days | 0.1 to 36,525 days (100 years) |
/// | durations' spread | a coefficient of variation of 0.01 to 10; a Weibull shape of 0.1 to 50 |
/// | dates | 1900-01-01 to 2200-01-01 |
/// | children | 1 to 20 million |
struct Expectation: Sendable {
    let text: String
    /// The values accepted (with `orZero`, 0 as well).
    let range: ClosedRange<Double>
    /// 0 is accepted besides `range` (a delay of 0 is "no step at all").
    var orZero = false
    /// For a range that depends on other keys: the widest it can be, and on what it
    /// depends, for the JSON schema (which cannot look at other keys).
    var widest: ClosedRange<Double>? = nil
    var dependsOn: String? = nil

    func accepts(_ value: Double) -> Bool { range.contains(value) || (orZero && value == 0) }

    /// The same check, with the range the schema declares widened to `widest` because it
    /// depends on `what`.
    func depending(on what: String, widest: ClosedRange<Double>) -> Expectation {
        var e = self
        e.widest = widest
        e.dependsOn = what
        return e
    }

    static let probability = Expectation(text: "a probability between 0 and 1", range: 0...1)
    static let fraction = Expectation(text: "a fraction between 0 and 1", range: 0...1)
    /// A hazard per year: at most once a day on average.
    static let rate = Expectation(text: "a rate per year between 0 and 365 (once a day)", range: 0...365)
    /// Episodes per 1,000 children per year: at most 10 per child.
    static let ratePer1000 = Expectation(text: "a rate per 1,000 children per year between 0 and 10000", range: 0...10_000)
    /// A factor on hazards or on days.
    static let multiplier = Expectation(text: "a factor between 0 and 100", range: 0...100)
    /// A factor on durations that must stay positive (a financing model's incentive).
    static let positiveFactor = Expectation(text: "a factor between 0.01 and 100", range: 0.01...100)
    /// A weight in the burden index.
    static let weight = Expectation(text: "a weight between 0 and 1000", range: 0...1000)
    /// A budget, a reserve, a cost per year or per indication.
    static let money = Expectation(text: "an amount in euros between 0 and 100 billion (1e11)", range: 0...1e11)
    /// What one FTE or one household's help costs a year: places are budget / this.
    static let costPerYear = Expectation(text: "an amount in euros per year between 1 and 100 billion (1e11)", range: 1...1e11)
    /// A tariff or cost per day: a year of it must fit in the largest budget (100 billion).
    static let moneyPerDay = Expectation(text: "an amount in euros per day between 0 and 250 million (2.5e8; a year of it within 100 billion)", range: 0...2.5e8)
    /// Places per 1,000 children: at most one place per child.
    static let placesPer1000 = Expectation(text: "a number of places per 1,000 children between 0 and 1000 (a place for every child)", range: 0...1000)
    /// Places added per waiting child, and extra places as a fraction of those contracted.
    static let placesFactor = Expectation(text: "a number between 0 and 10", range: 0...10)
    /// The mean of a duration.
    static let meanDays = Expectation(text: "a number of days between 0.1 and 36525 (100 years)", range: 0.1...36_525)
    /// A delay that may be 0 (no step at all); a positive one of at least a quarter of an
    /// hour, as its rate (1 / days) must stay a number.
    static let days = Expectation(text: "a number of days: 0 (none) or between 0.01 and 36525 (100 years)", range: 0.01...36_525, orZero: true)
    /// A time in years (learning time).
    static let years = Expectation(text: "a number of years between 0 and 100", range: 0...100)
    /// A duration's spread: the coefficient of variation of gamma and lognormal durations
    /// (beyond 10 almost every draw is 0 or the tail overflows), the shape k of Weibull.
    static let coefficientOfVariation = Expectation(text: "a coefficient of variation between 0.01 and 10", range: 0.01...10)
    static let weibullShape = Expectation(text: "a Weibull shape between 0.1 and 50", range: 0.1...50)
    /// Children in a municipality (or a region's others): the Netherlands has 3.3 million.
    static let children = Expectation.between(1, 20_000_000)
    /// Bounds of a calibration parameter.
    static let calibrationBound = Expectation(text: "a number between 0 and 1e11", range: 0...1e11)

    static func between(_ low: Double, _ high: Double) -> Expectation {
        Expectation(text: "a number between \(format(low)) and \(format(high))", range: low...high)
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
