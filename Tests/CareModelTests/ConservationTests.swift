import CareModel
import Testing

/// Children and money are conserved.
@Suite struct ConservationTests {
    @Test(arguments: [[], ["policies.indication_mean_days=30", "policies.indication_cost_eur=300"],
                      ["services.school_to_work.enabled=true", "services.debt_help.enabled=true", "services.youth_health_care.organisation=split",
                       "services.region.other_children=9000"]])
    func childrenEnteringEqualLeavingPlusPresent(_ overrides: [String]) throws {
        for r in try TestScenario.run(overrides) {
            #expect(r.initialChildren == 3000)
            #expect(r.initialChildren + r.childrenBorn == r.childrenLeft + r.childrenAtEnd)
            let born = TestScenario.column(r, "births").reduce(0, +)
            let left = TestScenario.column(r, "leavers").reduce(0, +)
            #expect(Int(born) == r.childrenBorn)
            #expect(Int(left) == r.childrenLeft)
            #expect(TestScenario.column(r, "children").last == Double(r.childrenAtEnd))
            // Every child with a need is in exactly one of: undetected, waiting, in care, in
            // school-to-work support past the leaving age.
            let i = MetricCatalog.index
            for row in r.rows {
                let v = row.values
                let needs = v[i("needs_light")] + v[i("needs_moderate")] + v[i("needs_severe")]
                let located = v[i("needs_undetected")] + v[i("in_referral_step")] + v[i("school_to_work_past_leaving_age")] + ServiceKind.allCases.reduce(0.0) {
                    $0 + v[i("waiting_\($1.key)")] + v[i("in_care_\($1.key)")]
                }
                #expect(needs == located, "\(row.periodStart)")
                #expect(v[i("school_to_work_participants")] >= v[i("school_to_work_past_leaving_age")])
                #expect(v[i("school_to_work_past_leaving_age")] >= 0 && v[i("households_money_problems")] >= 0)
            }
        }
    }

    @Test func totalSpendingIsTheSumOverServicesAndAdministration() throws {
        for r in try TestScenario.run(["budget.cut.fraction=0.3", "policies.indication_mean_days=30", "policies.indication_cost_eur=300"]) {
            let i = MetricCatalog.index
            #expect(TestScenario.column(r, "spending_administration_eur").reduce(0, +) > 0)
            for row in r.rows {
                let sum = ServiceKind.allCases.reduce(0.0) { $0 + row.values[i("spending_\($1.key)_eur")] } + row.values[i("spending_administration_eur")]
                #expect(abs(sum - row.values[i("spending_total_eur")]) <= 1e-9 * max(1, sum))
                #expect(row.values[i("deficit_eur")] == row.values[i("spending_total_eur")] - row.values[i("income_eur")])
            }
        }
    }

    /// After warm-up: reserve(end) = reserve(start) + income - spending + money from general funds.
    @Test(arguments: [0.0, 0.3])
    func reserveBalances(cut: Double) throws {
        for r in try TestScenario.run(["budget.cut.fraction=\(cut)", "budget.reserve_eur=100000"]) {
            func total(_ name: String) -> Double {
                zip(r.rows, TestScenario.column(r, name)).filter { !$0.0.inWarmup }.reduce(0) { $0 + $1.1 }
            }
            let income = total("income_eur"), spending = total("spending_total_eur"), extra = total("extra_municipal_eur")
            #expect(TestScenario.column(r, "extra_municipal_eur").first == 0)
            let reserve = TestScenario.column(r, "reserve_eur").last!
            #expect(abs(reserve - (r.initialReserve + income - spending + extra)) < 1e-6 * spending)
            #expect(reserve >= 0)
            if cut > 0 { #expect(extra > 0, "a 30 % cut should exhaust a 0.1 M reserve") }
        }
    }
}
