extension MeanFieldTwin {
    /// Turns accumulated stocks and counters into period rows like a replication's
    /// (replication number 0; waiting lists are empty in the twin).
    static func rows(model: CompiledModel, years: [YearFunding], stocks: [[Double]], counters: [[Double]],
                     births: [Double], leavers: [Double], agedOutWithNeed: [Double]) -> ReplicationResult {
        typealias M = MetricCatalog
        typealias C = MeanFieldLayout.Counter
        let p = model.parameters
        let s = p.services
        var reserve = p.budget.reserveEur
        var spent = 0.0, received = 0.0
        var rows: [PeriodRow] = []
        for q in 1...model.periodCount {
            let start = model.periodBoundaries[q - 1], end = model.periodBoundaries[q]
            let date = model.periodStartDates[q - 1]
            let funding = years[date.year - p.horizon.start.year]
            let share = (end - start) / funding.budget.days
            func flow(_ c: C) -> Double { counters[q][c.rawValue] - counters[q - 1][c.rawValue] }
            func stock(_ k: Stock) -> Double { stocks[q][k.rawValue] }
            var v = [Double](repeating: 0, count: M.count)
            v[M.children] = stock(.children)
            v[M.births] = births[q]
            v[M.leavers] = leavers[q]
            v[M.needsLight] = stock(.light)
            v[M.needsModerate] = stock(.moderate)
            v[M.needsSevere] = stock(.severe)
            v[M.needsUndetected] = stock(.undetected)
            v[M.onsets] = flow(.onsets)
            var spending = [Double](repeating: 0, count: ServiceKind.allCases.count)
            for service in ServiceKind.allCases {
                let r = service.rawValue
                v[M.inCare[r]] = stocks[q][Stock.care0.rawValue + r]
                v[M.capacity[r]] = funding.places[r] == .max ? -1 : Double(funding.places[r])
                v[M.starts[r]] = counters[q][C.starts0.rawValue + r] - counters[q - 1][C.starts0.rawValue + r]
                let careDays = counters[q][C.careDays0.rawValue + r] - counters[q - 1][C.careDays0.rawValue + r]
                switch service {
                case .jgzEarlyHelp, .schoolCare, .neighbourhoodTeam: spending[r] = funding.budget.fixedBudget[r] * share
                case .specialisedAmbulant: spending[r] = careDays * s.specialisedAmbulant.tariffEurPerDay
                case .residential: spending[r] = careDays * s.residential.tariffEurPerDay
                case .youthProtection: spending[r] = careDays * s.youthProtection.costEurPerDay + flow(.placedDays) * s.residential.tariffEurPerDay
                }
                v[M.spending[r]] = spending[r]
            }
            for channel in Channel.allCases {
                v[M.newEpisodes[channel.rawValue]] = counters[q][C.newEpisodes0.rawValue + channel.rawValue] - counters[q - 1][C.newEpisodes0.rawValue + channel.rawValue]
            }
            v[M.resolved] = flow(.resolved)
            v[M.resolvedInCare] = flow(.resolvedInCare)
            v[M.escalations] = flow(.escalations)
            v[M.crises] = flow(.crises)
            v[M.outOfHome] = stock(.outOfHome)
            v[M.placements] = flow(.placements)
            v[M.agedOutWithNeed] = agedOutWithNeed[q]
            let total = spending.reduce(0, +), income = funding.budget.income * share
            v[M.spendingTotal] = total
            v[M.income] = income
            v[M.deficit] = total - income
            spent += total
            received += income
            let endDate = q < model.periodCount ? model.periodStartDates[q] : p.horizon.end
            if endDate.isFirstOfYear {
                if endDate > p.horizon.warmupUntil {
                    let settled = p.budget.deficitPolicy.settle(deficit: spent - received, reserve: reserve)
                    reserve = settled.reserve
                    v[M.extraMunicipal] = settled.extraMunicipal
                }
                spent = 0
                received = 0
            }
            v[M.reserve] = reserve
            let childDays = flow(.childDays)
            v[M.burdenIndex] = childDays > 0 ? flow(.weightedNeedDays) / childDays * daysPerYear : 0
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
