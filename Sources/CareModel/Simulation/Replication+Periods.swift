import SimKernel

/// Closing an output period: its money, its row of metrics, and the next period or budget year.
extension Replication {
    /// Records the period that ends now; at a year end, settles the year first.
    /// Returns true when the horizon is over.
    func closePeriod() throws(ModelError) -> Bool {
        let p = model.parameters
        let start = model.periodBoundaries[periodIndex]
        let end = model.periodBoundaries[periodIndex + 1]
        let share = (end - start) / yearAccount.days

        periodMoney = PeriodMoney()
        periodMoney.share = share
        for service in ServiceKind.allCases where service.isFixedBudget {
            periodMoney.spending[service.rawValue] = yearAccount.fixedBudget[service.rawValue] * share
        }
        periodMoney.spending[ServiceKind.neighbourhoodTeam.rawValue] += addedTeamPlacesCost(periodShare: share)
        let s = p.services
        payForSpecialisedCare(into: &periodMoney.spending, periodShare: share)
        periodMoney.spending[ServiceKind.youthProtection.rawValue] = integrals.careDays[ServiceKind.youthProtection.rawValue] * s.youthProtection.costEurPerDay
            + integrals.placedDays * s.residential.tariffEurPerDay
        protectionSpentThisYear += periodMoney.spending[ServiceKind.youthProtection.rawValue]
        periodMoney.administration = Double(recorder.counters.indications) * p.policies.indicationCostEur
        periodMoney.total = periodMoney.spending.reduce(0, +) + periodMoney.administration
        periodMoney.income = yearAccount.income * share
        yearAccount.spent += periodMoney.total
        yearAccount.received += periodMoney.income

        let endDate = periodIndex + 1 < model.periodStartDates.count ? model.periodStartDates[periodIndex + 1] : p.horizon.end
        // Money is settled from the end of warm-up on: the warm-up starts from an
        // all-well population, so its surpluses are not real.
        if endDate.isFirstOfYear && endDate > p.horizon.warmupUntil {
            periodMoney.extraMunicipal = settleYear()
        }

        let v = MetricCatalog.row(of: self)

        let startDate = model.periodStartDates[periodIndex]
        rows.append(PeriodRow(periodStart: startDate, inWarmup: startDate < p.horizon.warmupUntil, values: v, groups: recorder.groups.close(at: events.now)))
        recorder.counters = PeriodCounters()
        leversPeriodClosed()
        integrals = TimeIntegrals(lastTime: events.now)
        if recorder.storyCount > 0 && events.now >= model.warmupDay { chooseStoryHouseholds() }
        periodIndex += 1
        if periodIndex == model.periodCount { return true }
        applyDueChanges()
        if endDate.isFirstOfYear { try openYear(endDate.year) } else { try applyTeamProductivity() }
        events.schedule(at: model.periodBoundaries[periodIndex + 1], priority: ModelPriority.periodClose,
                        kind: EventKind.periodBoundary.rawValue)
        return false
    }
}
