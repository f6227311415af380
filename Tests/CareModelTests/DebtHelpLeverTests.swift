import CareModel
import Experiments
import Testing

/// Household debts and poverty: money problems raise the children's hazards while they
/// last, and debt help shortens them.
extension LeverTests {
    /// The baseline's size (45,000 children over the fixture's six reported years): the
    /// low-income group is 12 % of households, and its onsets need the numbers.
    static let municipal = ["population.children=45000", "budget.baseline_eur_per_year=52000000", "budget.reserve_eur=5000000"]
    static let moneyProblems = municipal + ["services.debt_help.enabled=true"]

    /// Paired comparison of one risk group's equity outcome (EquityCatalog order).
    static func groupDifference(_ outcome: Int, group: String, off: [String], on: [String]) throws -> PairedComparison {
        let g = try TestScenario.parameters().population.riskGroups.firstIndex { $0.name == group }!
        let a = try TestScenario.run(off, replications: replications).map { ReplicationSummary($0).groups[g][outcome] }
        let b = try TestScenario.run(on, replications: replications).map { ReplicationSummary($0).groups[g][outcome] }
        return PairedComparison(a: a, b: b)
    }

    static let onsetsOutcome = EquityCatalog.definitions.firstIndex { $0.name == "onsets" }!

    @Test func moneyProblemsRaiseOnsetsInTheLowIncomeGroup() throws {
        let d = try Self.groupDifference(Self.onsetsOutcome, group: "low_income", off: Self.municipal, on: Self.moneyProblems)
        #expect(d.difference.lower95 > 0, "low-income onsets, money problems on - off: \(d.difference.mean) [\(d.difference.lower95), \(d.difference.upper95)]")
    }

    @Test func moreDebtHelpMeansFewerOnsetsInTheLowIncomeGroup() throws {
        let none = Self.moneyProblems + ["services.debt_help.budget_eur_per_year=0"]
        let ample = Self.moneyProblems + ["services.debt_help.budget_eur_per_year=2500000"]
        let households = try Self.difference("households_money_problems", off: none, on: ample)
        #expect(households.difference.upper95 < 0, "households with money problems, ample - none: \(households.difference.mean)")
        let onsets = try Self.groupDifference(Self.onsetsOutcome, group: "low_income", off: none, on: ample)
        #expect(onsets.difference.upper95 < 0, "low-income onsets, ample debt help - none: \(onsets.difference.mean) [\(onsets.difference.lower95), \(onsets.difference.upper95)]")
    }
}
