import SimKernel

extension Replication {
    /// Sets this budget year's income, budgets and capacities, then lets newly
    /// funded places take children from the waiting lists.
    func openYear(_ year: Int) {
        let funding = YearFunding(year: year, parameters: model.parameters, children: aliveCount, previousDeficit: lastDeficit,
                                  extraPlaces: grownPlaces(year))
        budget = funding.budget
        // In a region the other municipalities' places join this one's in one pool.
        for service in ServiceKind.allCases {
            let r = service.rawValue
            resources[r].setCapacity(funding.places[r] == .max ? .max : funding.places[r] + model.outsidePlaces[r])
        }
        fundedTeamPlaces = funding.places[ServiceKind.neighbourhoodTeam.rawValue]
        applyTeamProductivity()
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
    /// `delay_years` before (mean over that year's periods); YearFunding caps them.
    private func grownPlaces(_ year: Int) -> [Double]? {
        let growth = model.parameters.services.capacityGrowth
        guard growth.placesPerWaitingChild > 0 else { return nil }
        let past = rows.filter { $0.periodStart.year == year - growth.delayYears }
        guard !past.isEmpty else { return nil }
        return MetricCatalog.waiting.map { column in
            growth.placesPerWaitingChild * past.reduce(0) { $0 + $1.values[column] } / Double(past.count)
        }
    }

    /// Records the period that ends now; at a year end, settles the year first.
    /// Returns true when the horizon is over.
    func closePeriod() -> Bool {
        let p = model.parameters
        let start = model.periodBoundaries[periodIndex]
        let end = model.periodBoundaries[periodIndex + 1]
        let share = (end - start) / budget.days

        var spending = [Double](repeating: 0, count: Self.serviceCount)
        for service in ServiceKind.allCases where service.isFixedBudget {
            spending[service.rawValue] = budget.fixedBudget[service.rawValue] * share
        }
        let s = p.services
        payForSpecialisedCare(into: &spending, periodShare: share)
        spending[ServiceKind.youthProtection.rawValue] = integrals.careDays[ServiceKind.youthProtection.rawValue] * s.youthProtection.costEurPerDay
            + integrals.placedDays * s.residential.tariffEurPerDay
        let administration = Double(recorder.counters.indications) * p.policies.indicationCostEur
        let totalSpending = spending.reduce(0, +) + administration
        let income = budget.income * share
        budget.spent += totalSpending
        budget.received += income

        let endDate = periodIndex + 1 < model.periodStartDates.count ? model.periodStartDates[periodIndex + 1] : p.horizon.end
        var extraMunicipal = 0.0
        // Money is settled from the end of warm-up on: the warm-up starts from an
        // all-well population, so its surpluses are not real.
        if endDate.isFirstOfYear && endDate > p.horizon.warmupUntil {
            extraMunicipal = settleYear()
        }

        var v = [Double](repeating: 0, count: MetricCatalog.count)
        typealias M = MetricCatalog
        v[M.children] = Double(aliveCount)
        v[M.births] = Double(recorder.counters.births)
        v[M.leavers] = Double(recorder.counters.leavers)
        v[M.needsLight] = Double(needCount[1])
        v[M.needsModerate] = Double(needCount[2])
        v[M.needsSevere] = Double(needCount[3])
        v[M.needsUndetected] = Double(undetectedCount)
        v[M.onsets] = Double(recorder.counters.onsets)
        for service in ServiceKind.allCases {
            let r = service.rawValue
            v[M.waiting[r]] = Double(resources[r].queue.count - outside.waiting[r])
            v[M.inCare[r]] = Double(resources[r].inUse - outside.inCare[r])
            v[M.capacity[r]] = resources[r].capacity == .max ? -1 : Double(resources[r].capacity - model.outsidePlaces[r])
            v[M.starts[r]] = Double(recorder.counters.starts[r])
            v[M.meanWait[r]] = recorder.counters.starts[r] > 0 ? recorder.counters.waitDays[r] / Double(recorder.counters.starts[r]) : 0
            v[M.spending[r]] = spending[r]
        }
        for channel in Channel.allCases {
            v[M.newEpisodes[channel.rawValue]] = Double(recorder.counters.newEpisodes[channel.rawValue])
        }
        v[M.resolved] = Double(recorder.counters.resolved)
        v[M.resolvedInCare] = Double(recorder.counters.resolvedInCare)
        v[M.escalations] = Double(recorder.counters.escalations)
        v[M.crises] = Double(recorder.counters.crises)
        v[M.gaveUp] = Double(recorder.counters.gaveUp)
        let residential = ServiceKind.residential.rawValue
        v[M.outOfHome] = Double(resources[residential].inUse - outside.inCare[residential] + placedCount)
        v[M.regionOthersInCare] = Double(outside.inCare.reduce(0, +))
        v[M.regionOthersWaiting] = Double(outside.waiting.reduce(0, +))
        v[M.placements] = Double(recorder.counters.placements)
        v[M.agedOutWithNeed] = Double(recorder.counters.agedOutWithNeed)
        v[M.leftAfterContinuedCare] = Double(recorder.counters.leftAfterContinuedCare)
        v[M.indications] = Double(recorder.counters.indications)
        v[M.helped] = Double(recorder.counters.helped)
        v[M.meanDaysToHelp] = recorder.counters.helped > 0 ? recorder.counters.daysToHelp / Double(recorder.counters.helped) : 0
        v[M.helpedSchoolAge] = Double(recorder.counters.helpedSchoolAge)
        v[M.meanDaysToHelpSchoolAge] = recorder.counters.helpedSchoolAge > 0 ? recorder.counters.daysToHelpSchoolAge / Double(recorder.counters.helpedSchoolAge) : 0
        v[M.inReferralStep] = Double(referralStepCount)
        let episodes = recorder.counters.specialisedEpisodes.reduce(0, +)
        v[M.specialisedEpisodes] = Double(episodes)
        v[M.meanSpecialisedEpisodeDays] = episodes > 0 ? recorder.counters.specialisedEpisodeDays / Double(episodes) : 0
        v[M.consortiumOverBudget] = consortiumOverBudget ? 1 : 0
        v[M.handovers] = Double(recorder.counters.handovers)
        v[M.householdsInCare] = Double(providerTally.householdsInCare)
        let households = Double(max(1, providerTally.householdsInCare))
        v[M.providersPerHousehold] = Double(providerTally.providers) / households
        v[M.householdsThreeOrMoreProvidersShare] = Double(providerTally.householdsWithThreeOrMore) / households
        v[M.usersYouthHelp] = Double(recorder.counters.youthHelpUsers)
        v[M.usersWithStay] = Double(recorder.counters.stayUsers)
        v[M.usersYouthProtection] = Double(recorder.counters.protectionUsers)
        v[M.referralsGP] = Double(recorder.counters.referralsGP)
        v[M.referralsTeam] = Double(recorder.counters.referralsTeam)
        v[M.jgzTransfers] = Double(recorder.counters.jgzTransfers)
        v[M.jgzTransfersLost] = Double(recorder.counters.jgzTransfersLost)
        v[M.supportParticipants] = Double(supportCount)
        v[M.supportPastLeavingAge] = Double(adultSupportCount)
        v[M.supportEntrants] = Double(recorder.counters.supportEntrants)
        v[M.leftAfterSupport] = Double(recorder.counters.leftAfterSupport)
        v[M.supportSpending] = integrals.supportDays / daysPerYear * s.schoolToWork.costEurPerParticipantPerYear
        v[M.householdsMoneyProblems] = Double(householdsWithMoneyProblems)
        v[M.debtHelpWaiting] = Double(debtHelp.queue.count)
        v[M.debtHelpHouseholds] = Double(debtHelp.inUse)
        v[M.debtHelpStarts] = Double(recorder.counters.debtHelpStarts)
        v[M.debtHelpMeanWait] = recorder.counters.debtHelpStarts > 0 ? recorder.counters.debtHelpWaitDays / Double(recorder.counters.debtHelpStarts) : 0
        v[M.debtHelpSpending] = p.services.debtHelp.enabled ? p.services.debtHelp.budgetEurPerYear * share : 0
        v[M.spendingAdministration] = administration
        v[M.spendingTotal] = totalSpending
        v[M.income] = income
        v[M.deficit] = totalSpending - income
        v[M.reserve] = reserve
        v[M.extraMunicipal] = extraMunicipal
        v[M.burdenIndex] = integrals.childDays > 0 ? integrals.weightedNeedDays / integrals.childDays * daysPerYear : 0

        let startDate = model.periodStartDates[periodIndex]
        rows.append(PeriodRow(periodStart: startDate, inWarmup: startDate < p.horizon.warmupUntil, values: v, groups: recorder.groups.close(at: events.now)))
        recorder.counters = PeriodCounters()
        integrals = TimeIntegrals(lastTime: events.now)
        if recorder.storyCount > 0 && events.now >= model.warmupDay { chooseStoryHouseholds() }
        periodIndex += 1
        if periodIndex == model.periodCount { return true }
        if endDate.isFirstOfYear { openYear(endDate.year) } else { applyTeamProductivity() }
        events.schedule(at: model.periodBoundaries[periodIndex + 1], priority: ModelPriority.periodClose,
                        kind: EventKind.periodBoundary.rawValue)
        return false
    }

    /// Spending on specialised ambulant and residential care in the period under the
    /// financing model.
    private func payForSpecialisedCare(into spending: inout [Double], periodShare: Double) {
        let s = model.parameters.services
        let kinds: [(ServiceKind, Double)] = [(.specialisedAmbulant, s.specialisedAmbulant.tariffEurPerDay), (.residential, s.residential.tariffEurPerDay)]
        switch s.specialisedFinancing.model {
        case .perDay:
            for (service, tariff) in kinds { spending[service.rawValue] = integrals.careDays[service.rawValue] * tariff }
        case .perTrajectory:
            for (service, _) in kinds { spending[service.rawValue] = Double(recorder.counters.specialisedEpisodes[service.rawValue]) * model.trajectoryPrice[service.rawValue] }
        case .populationBudget:
            // The contract is paid whatever the care; it is split over the two columns by the consortium's own costs.
            let contract = s.specialisedFinancing.contractShareOfIncome * budget.income * periodShare
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
    private func settleYear() -> Double {
        lastDeficit = budget.spent - budget.received
        let settled = model.parameters.budget.deficitPolicy.settle(deficit: lastDeficit, reserve: reserve)
        reserve = settled.reserve
        return settled.extraMunicipal
    }
}
