import CareModel
import Testing

@Suite struct BudgetCutTests {
    func cut(_ fraction: Double, runway: Double?, schedule: [Double]? = nil) -> CutParameters {
        CutParameters(fraction: fraction, start: CalendarDate(year: 2015, month: 1, day: 1)!, runwayYears: runway, schedule: schedule)
    }

    @Test func overnightPhasedAndScheduled() {
        let overnight = cut(0.2, runway: 0)
        #expect(overnight.fraction(inYear: 2014) == 0)
        #expect(overnight.fraction(inYear: 2015) == 0.2)
        #expect(overnight.fraction(inYear: 2030) == 0.2)
        let phased = cut(0.2, runway: 4)
        #expect([2014, 2015, 2016, 2017, 2018, 2019].map { phased.fraction(inYear: $0) } == [0, 0.05, 0.1, 0.15000000000000002, 0.2, 0.2])
        let scheduled = cut(0, runway: nil, schedule: [0.1, 0.3])
        #expect([2014, 2015, 2016, 2020].map { scheduled.fraction(inYear: $0) } == [0, 0.1, 0.3, 0.3])
    }

    /// Income follows baseline x (1 - cut) year by year, and the cut shrinks the teams.
    @Test func incomeAndTeamCapacityFollowTheCut() throws {
        let runs = try TestScenario.run(["budget.cut.fraction=0.2", "budget.cut.runway_years=2", "budget.cut.start=2014-01-01"], replications: 1)
        let r = runs[0]
        let p = try TestScenario.parameters()
        let income = TestScenario.column(r, "income_eur"), capacity = TestScenario.column(r, "capacity_team")
        func yearly(_ year: Int, _ values: [Double]) -> Double {
            zip(r.rows, values).filter { $0.0.periodStart.year == year }.reduce(0) { $0 + $1.1 }
        }
        #expect(abs(yearly(2013, income) - p.budget.baselineEurPerYear) < 1e-3)
        #expect(abs(yearly(2014, income) - p.budget.baselineEurPerYear * 0.9) < 1e-3)
        #expect(abs(yearly(2015, income) - p.budget.baselineEurPerYear * 0.8) < 1e-3)
        #expect(capacity[r.rows.firstIndex { $0.periodStart.year == 2015 }!] < capacity[0])
    }
}
