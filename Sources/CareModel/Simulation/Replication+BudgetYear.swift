import SimKernel

/// The budget year: opening it (income, budgets, places), paying for specialised care
/// under the financing model, and settling the year under the deficit policy.
extension Replication {
    /// Sets this budget year's income, budgets and capacities, then lets newly
    /// funded places take children from the waiting lists.
    func openYear(_ year: Int) throws(ModelError) {
        let funding = try YearAllocation(checkedYear: year, parameters: model.parameters, children: aliveCount, previousDeficit: lastDeficit,
                                         previousProtectionSpending: protectionSpentThisYear, extraPlaces: grownPlaces(year))
        protectionSpentThisYear = 0
        yearAccount = funding.account
        // In a region the other municipalities' places join this one's in one pool.
        for service in ServiceKind.allCases {
            let r = service.rawValue
            resources[r].setCapacity(funding.places[r] == .max ? .max : funding.places[r] + model.outsidePlaces[r])
        }
        fundedTeamPlaces = funding.places[ServiceKind.neighbourhoodTeam.rawValue]
        try applyTeamProductivity()
        teamFactor = funding.teamFactor
        schoolFactor = funding.schoolFactor
        jgzReachFactor = funding.jgzReachFactor
        consortiumCost = 0
        contractPaid = 0
        consortiumOverBudget = false
        // A new year: everyone in care counts as a user of it again.
        for i in children.all.indices where children.all[i].yearMarks != 0 || Place.isInCare(children.all[i].place) {
            children.all[i].yearMarks = 0
            countUser(i)
        }
        for service in ServiceKind.allCases { admitFromQueue(service) }
    }

    /// Places specialised providers want to add in `year` for the waiting lists of
    /// `delay_years` before (mean over that year's periods); YearAllocation caps them.
    func grownPlaces(_ year: Int) -> [Double]? {
        let growth = model.parameters.services.capacityGrowth
        guard growth.placesPerWaitingChild > 0 else { return nil }
        let past = rows.filter { $0.periodStart.year == year - growth.delayYears }
        guard !past.isEmpty else { return nil }
        return MetricCatalog.waiting.map { column in
            growth.placesPerWaitingChild * past.reduce(0) { $0 + $1.values[column] } / Double(past.count)
        }
    }

    /// Spending on specialised ambulant and residential care in the period under the
    /// financing model.
    func payForSpecialisedCare(into spending: inout [Double], periodShare: Double) {
        let s = model.parameters.services
        let kinds: [(ServiceKind, Double)] = [(.specialisedAmbulant, s.specialisedAmbulant.tariffEurPerDay), (.residential, s.residential.tariffEurPerDay)]
        switch s.specialisedFinancing.model {
        case .perDay:
            for (service, tariff) in kinds { spending[service.rawValue] = integrals.careDays[service.rawValue] * tariff }
        case .perTrajectory:
            for (service, _) in kinds { spending[service.rawValue] = Double(recorder.counters.specialisedEpisodes[service.rawValue]) * model.trajectoryPrice[service.rawValue] }
        case .populationBudget:
            // The contract is paid whatever the care; it is split over the two columns by the consortium's own costs.
            let contract = s.specialisedFinancing.contractShareOfIncome * yearAccount.income * periodShare
            let costs = kinds.map { integrals.careDays[$0.0.rawValue] * $0.1 }
            let total = costs.reduce(0, +)
            for (k, (service, _)) in kinds.enumerated() {
                spending[service.rawValue] = total > 0 ? contract * costs[k] / total : (k == 0 ? contract : 0)
            }
            consortiumCost += total
            contractPaid += contract
            consortiumOverBudget = consortiumCost > contractPaid
        }
    }

    /// Year-end accounting under the deficit policy. Returns the money drawn from the
    /// municipality's general funds.
    func settleYear() -> Double {
        lastDeficit = yearAccount.spent - yearAccount.received
        let settled = model.parameters.budget.deficitPolicy.settle(deficit: lastDeficit, reserve: reserve)
        reserve = settled.reserve
        return settled.extraMunicipal
    }
}
