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
        // A new year: everyone in care counts as a user of it again. Before any place
        // changes, so that a child admitted now is counted once (not again by this loop).
        // Not in the first year: the children a settled start put in care (youth protection
        // has no cap, so they start before this) were already counted as its users.
        if year > model.parameters.horizon.start.year {
            yearUsers = 0
            for i in children.all.indices where children.all[i].yearMarks != 0 || Place.isInCare(children.all[i].place) {
                children.all[i].yearMarks = 0
                countUser(i)
            }
        }
        // In a region the other municipalities' places join this one's in one pool.
        for service in ServiceKind.allCases {
            let r = service.rawValue
            resources[r].setCapacity(funding.places[r] == .max ? .max : funding.places[r] + othersPlaces[r])
        }
        providerPlaces = zip(funding.providerPlaces, othersPlaces).map { $0 == .max ? .max : $0 + $1 }
        updateInducedReferrals()
        growTeamPlaces(year)
        fundedTeamPlaces = funding.places[ServiceKind.neighbourhoodTeam.rawValue] + Int(extraTeamPlaces)
        try applyTeamProductivity()
        fundedTeamFactor = funding.teamFactor
        teamFactor = oldRegimeNow ? 0 : funding.teamFactor
        schoolFactor = funding.schoolFactor
        jgzReachFactor = funding.jgzReachFactor
        consortiumCost = 0
        contractPaid = 0
        consortiumOverBudget = false
        for service in ServiceKind.allCases { admitFromQueue(service) }
        leversYearOpened()
    }

    /// Supply follows referrals: the places specialised providers have added by `year`.
    /// Each year they add `places_per_waiting_child` for every child on their list (mean
    /// over the periods of `delay_years` before), and close `shrink_per_year` of the added
    /// places that stood idle last year; never more than `max_extra_fraction` of the
    /// contracted places. With `applies_from: transition` only periods from the transition
    /// date on count. Nil when the lever is off.
    ///
    /// Providers also enter where referrals are paid: `places_per_paid_start` places for
    /// every specialised start of last year paid per day or per trajectory (a population
    /// budget pays for none).
    func grownPlaces(_ year: Int) -> [Double]? {
        let growth = model.parameters.services.capacityGrowth
        guard growth.placesPerWaitingChild > 0 || growth.placesPerPaidStart > 0 else { return nil }
        let from = growth.appliesFrom == .transition ? model.parameters.policies.transition.date : model.parameters.horizon.start
        func mean(_ columns: [Int], in y: Int) -> [Double] {
            let past = rows.filter { $0.periodStart.year == y && $0.periodStart >= from }
            return columns.map { c in past.isEmpty ? 0 : past.reduce(0) { $0 + $1.values[c] } / Double(past.count) }
        }
        let waiting = mean(MetricCatalog.waiting, in: year - growth.delayYears)
        let paysPerStart = model.parameters.services.specialisedFinancing.model != .populationBudget
        let paidStarts = paysPerStart && growth.placesPerPaidStart > 0
            ? MetricCatalog.starts.map { c in rows.reduce(0) { $0 + ($1.periodStart.year == year - 1 && $1.periodStart >= from ? $1.values[c] : 0) } }
            : [Double](repeating: 0, count: extraPlaces.count)
        let capacity = mean(MetricCatalog.capacity, in: year - 1)
        let inCare = mean(MetricCatalog.inCare, in: year - 1)
        let thousands = Double(aliveCount) / 1000
        let s = model.parameters.services
        let contracted = ServiceKind.allCases.map {
            $0 == .specialisedAmbulant ? s.specialisedAmbulant.placesPer1000Children : $0 == .residential ? s.residential.placesPer1000Children : 0
        }
        for r in extraPlaces.indices {
            let idle = max(0, capacity[r] - inCare[r])
            extraPlaces[r] += growth.placesPerWaitingChild * waiting[r] + growth.placesPerPaidStart * paidStarts[r]
                - growth.shrinkPerYear * min(extraPlaces[r], idle)
            extraPlaces[r] = min(max(0, extraPlaces[r]), growth.maxExtraFraction * contracted[r] * thousands)
        }
        return extraPlaces
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

    /// Team capacity that follows demand (services.neighbourhood_team.places_per_waiting_child):
    /// places added for every child on the team's list last year (mean over its periods),
    /// on top of the team's budget; not under the old regime (there is no team).
    func growTeamPlaces(_ year: Int) {
        let perChild = model.parameters.services.neighbourhoodTeam.placesPerWaitingChild
        guard perChild > 0, !oldRegimeNow else { return }
        let column = MetricCatalog.waiting[ServiceKind.neighbourhoodTeam.rawValue]
        let last = rows.filter { $0.periodStart.year == year - 1 }
        guard !last.isEmpty else { return }
        extraTeamPlaces += perChild * last.reduce(0) { $0 + $1.values[column] } / Double(last.count)
    }

    /// What the added team places cost in a period of `periodShare` of the year.
    func addedTeamPlacesCost(periodShare: Double) -> Double {
        let staffing = model.parameters.services.neighbourhoodTeam.staffing
        return extraTeamPlaces.rounded(.down) * staffing.costPerFteEurPerYear / staffing.caseloadPerFte * periodShare
    }
}
