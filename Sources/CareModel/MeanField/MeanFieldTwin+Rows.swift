extension MeanFieldTwin {
    /// Turns accumulated stocks and counters into period rows like a replication's
    /// (replication number 0). Columns are found by
    /// name: the twin fills only those it models, the others stay 0.
    static func rows(model: CompiledModel, years: [YearAllocation], stocks: [[Double]], counters: [[Double]],
                     births: [Double], leavers: [Double], agedOutWithNeed: [Double]) -> ReplicationResult {
        typealias M = MetricCatalog
        typealias C = MeanFieldLayout.Counter
        let p = model.parameters
        var reserve = p.budget.reserveEur
        var spent = 0.0, received = 0.0
        var rows: [PeriodRow] = []
        for q in 1...model.periodCount {
            let start = model.periodBoundaries[q - 1], end = model.periodBoundaries[q]
            let date = model.periodStartDates[q - 1]
            let funding = years[date.year - p.horizon.start.year]
            let share = (end - start) / funding.account.days
            // Care days are priced at the period's close, under the set in force just before it (as the simulation does).
            let s = model.set(onDay: end - 0.5).parameters.services
            func flow(_ c: C) -> Double { counters[q][c.rawValue] - counters[q - 1][c.rawValue] }
            func stock(_ k: Stock) -> Double { stocks[q][k.rawValue] }
            var v = [Double](repeating: 0, count: M.count)
            v[M.index("children")] = stock(.children)
            v[M.index("births")] = births[q]
            v[M.index("leavers")] = leavers[q]
            v[M.index("needs_light")] = stock(.light)
            v[M.index("needs_moderate")] = stock(.moderate)
            v[M.index("needs_severe")] = stock(.severe)
            v[M.index("needs_undetected")] = stock(.undetected)
            v[M.index("onsets")] = flow(.onsets)
            var spending = [Double](repeating: 0, count: ServiceKind.allCases.count)
            for service in ServiceKind.allCases {
                let r = service.rawValue
                v[M.index("in_care_\(service.key)")] = stocks[q][Stock.care0.rawValue + r]
                if r < MeanFieldLayout.servicesWithPlaces { v[M.index("waiting_\(service.key)")] = stocks[q][Stock.waiting0.rawValue + r] }
                v[M.index("capacity_\(service.key)")] = funding.places[r] == .max ? .nan : Double(funding.places[r])
                v[M.index("starts_\(service.key)")] = counters[q][C.starts0.rawValue + r] - counters[q - 1][C.starts0.rawValue + r]
                let careDays = counters[q][C.careDays0.rawValue + r] - counters[q - 1][C.careDays0.rawValue + r]
                switch service {
                case .jgzEarlyHelp, .schoolCare, .neighbourhoodTeam: spending[r] = funding.account.fixedBudget[r] * share
                case .specialisedAmbulant: spending[r] = careDays * s.specialisedAmbulant.tariffEurPerDay
                case .residential: spending[r] = careDays * s.residential.tariffEurPerDay
                case .youthProtection: spending[r] = careDays * s.youthProtection.costEurPerDay + flow(.placedDays) * s.residential.tariffEurPerDay
                }
                v[M.index("spending_\(service.key)_eur")] = spending[r]
            }
            for channel in Channel.allCases {
                v[M.index("new_episodes_\(channel.key)")] = counters[q][C.newEpisodes0.rawValue + channel.rawValue] - counters[q - 1][C.newEpisodes0.rawValue + channel.rawValue]
            }
            v[M.index("resolved")] = flow(.resolved)
            v[M.index("resolved_in_care")] = flow(.resolvedInCare)
            v[M.index("escalations")] = flow(.escalations)
            v[M.index("gave_up")] = flow(.gaveUp)
            v[M.index("in_referral_step")] = stock(.referralStep)
            v[M.index("old_regime_indications")] = flow(.oldRegimeIndications)
            v[M.index("turned_away")] = flow(.turnedAway)
            v[M.index("crises")] = flow(.crises)
            v[M.index("out_of_home")] = stock(.outOfHome)
            v[M.index("placements")] = flow(.placements)
            v[M.index("aged_out_with_need")] = agedOutWithNeed[q]
            let total = spending.reduce(0, +), income = funding.account.income * share
            v[M.index("spending_total_eur")] = total
            v[M.index("income_eur")] = income
            v[M.index("deficit_eur")] = total - income
            spent += total
            received += income
            let endDate = q < model.periodCount ? model.periodStartDates[q] : p.horizon.end
            if endDate.isFirstOfYear {
                if endDate > p.horizon.warmupUntil {
                    let settled = p.budget.deficitPolicy.settle(deficit: spent - received, reserve: reserve)
                    reserve = settled.reserve
                    v[M.index("extra_municipal_eur")] = settled.extraMunicipal
                }
                spent = 0
                received = 0
            }
            v[M.index("reserve_eur")] = reserve
            let childDays = flow(.childDays)
            v[M.index("burden_index")] = childDays > 0 ? flow(.weightedNeedDays) / childDays * daysPerYear : 0
            // Per risk group the twin reports only the group's children (its share of all).
            let groupRows = model.riskShares.map { share -> [Double] in
                var row = [Double](repeating: .nan, count: EquityCatalog.definitions.count)
                row[EquityCatalog.children] = share * stock(.children)
                return row
            }
            rows.append(PeriodRow(periodStart: date, inWarmup: date < p.horizon.warmupUntil, values: v, groups: groupRows))
        }
        return ReplicationResult(replication: 0, rows: rows, events: 0, initialChildren: p.population.children,
                                 childrenBorn: Int(births.reduce(0, +).rounded()), childrenLeft: Int(leavers.reduce(0, +).rounded()),
                                 childrenAtEnd: Int((stocks.last?[Stock.children.rawValue] ?? 0).rounded()),
                                 initialReserve: p.budget.reserveEur)
    }
}
