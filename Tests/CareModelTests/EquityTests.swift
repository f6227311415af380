import CareModel
import Testing

/// Outcomes per risk group: the groups add up to the whole, and a group with a higher
/// onset multiplier has more onsets per child.
@Suite struct EquityTests {
    @Test func groupsAddUpAndRiskShowsInOnsets() throws {
        let p = try TestScenario.parameters()
        let names = p.population.riskGroups.map(\.name)
        let general = names.firstIndex(of: "general")!, lowIncome = names.firstIndex(of: "low_income")!
        var ratios: [Double] = []
        for result in try TestScenario.run(replications: 4) {
            for row in result.rows {
                for (k, name) in ["children", "onsets", "needs_severe", "needs_undetected", "crises", "aged_out_with_need"].enumerated() {
                    let whole = row.values[MetricCatalog.index(name)]
                    #expect(row.groups.reduce(0) { $0 + $1[k] } == whole, "\(name) \(row.periodStart)")
                }
            }
            let s = ReplicationSummary(result)
            let perChild = { (g: Int) in s.groups[g][1] / s.groups[g][0] }
            ratios.append(perChild(lowIncome) / perChild(general))
        }
        // The low-income onset multiplier is 1.8; relapse and time spent with a need dilute it.
        #expect(ratios.allSatisfy { $0 > 1.2 }, "onsets per child, low income / general: \(ratios)")
    }
}
