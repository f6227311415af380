public struct BudgetParameters: Sendable, Codable, Equatable {
    /// Yearly income for youth care before any cut (euros per year).
    public var baselineEurPerYear: Double
    public var cut: CutParameters
    /// Reserve at the start of the horizon (euros).
    public var reserveEur: Double
    public var deficitPolicy: DeficitPolicy
    /// Factor on the income after the cut (an exogenous input, dated): the budget actually
    /// received relative to baseline x (1 - cut), e.g. the state's extra funds of later years.
    public var incomeFactor: Double
    /// Factor on every price and wage the model pays (an exogenous input, dated, e.g. the
    /// care sector's wage-cost index): 1 = the prices the scenario's tariffs and costs are given in.
    public var priceIndex: Double

    public init(baselineEurPerYear: Double, cut: CutParameters, reserveEur: Double, deficitPolicy: DeficitPolicy,
                incomeFactor: Double = 1, priceIndex: Double = 1) {
        self.baselineEurPerYear = baselineEurPerYear
        self.cut = cut
        self.reserveEur = reserveEur
        self.deficitPolicy = deficitPolicy
        self.incomeFactor = incomeFactor
        self.priceIndex = priceIndex
    }

    /// Yearly income in budget year `year`: baseline x (1 - cut(year)) x the income factor.
    public func income(inYear year: Int) -> Double {
        baselineEurPerYear * (1 - cut.fraction(inYear: year)) * incomeFactor
    }
}

/// What happens at a year end when spending exceeded income.
public enum DeficitPolicy: String, Sendable, Codable, CaseIterable {
    /// Draw the reserve, then the municipality's general funds (reported as extra municipal money).
    case absorb
    /// As absorb, and next year's budgets of youth health care, school care and the
    /// neighbourhood team are cut by the deficit (in proportion to their shares).
    case cutPrevention = "cut_prevention"
    /// As absorb, and next year's specialised places are capped at what the money left
    /// after the budget-funded services pays for at the tariffs: waits grow instead of spending.
    case rationSpecialised = "ration_specialised"
}

/// A budget cut: its size, when it starts, and how it lands (the runway).
public struct CutParameters: Sendable, Codable, Equatable {
    /// Final size of the cut as a fraction of the baseline budget.
    public var fraction: Double
    /// The 1 January from which the cut applies.
    public var start: CalendarDate
    /// 0 = overnight; N = phased in linearly over N years (1/N of the cut in the first year).
    /// Nil when `schedule` is given.
    public var runwayYears: Double?
    /// Explicit cut per budget year from `start` on; the last value holds afterwards.
    public var schedule: [Double]?

    public init(fraction: Double, start: CalendarDate, runwayYears: Double?, schedule: [Double]?) {
        self.fraction = fraction
        self.start = start
        self.runwayYears = runwayYears
        self.schedule = schedule
    }

    /// The cut in force during budget year `year`.
    public func fraction(inYear year: Int) -> Double {
        let yearsIn = year - start.year
        guard yearsIn >= 0 else { return 0 }
        if let schedule, !schedule.isEmpty {
            return schedule[min(yearsIn, schedule.count - 1)]
        }
        let runway = runwayYears ?? 0
        guard runway > 0 else { return fraction }
        return fraction * min(1, Double(yearsIn + 1) / runway)
    }
}
