import Stochastics

/// The simulation's mean-field (ODE) twin: the expected numbers of children in each
/// state, solved with GSL's Runge-Kutta-Fehlberg driver, written as the same period
/// rows as a replication.
///
/// Children are grouped in birth cohorts one month wide (the initial population as
/// cohorts of ages 0 to the leaving age, all well or in the settled start's states,
/// newborns as one cohort a month). Each cohort
/// follows `MeanFieldRates` with its own age: onset bands and school age switch on at
/// the cohort's ages, youth health care (JGZ) contacts act at the contact ages, the
/// budget year sets the funding factors, and the cohort leaves at the leaving age.
///
/// The old regime (policies.old_regime) holds until the transition date as in the
/// simulation: no team outreach, and what would go to the team goes to the indication body
/// (`MeanFieldOldRegime`: light needs turned away, the others through the body's step to a
/// specialised list); on the transition date the team opens and children still in the
/// body's step join their lists.
///
/// Capacity: started settled, the services whose places bind at the start have waiting
/// lists that admit at the steady state's rates (`steadyState`) for the whole horizon;
/// started all well, nobody waits. So the lists do not follow later changes of places
/// (the transition's team productivity, a cut's places, the ration_specialised policy);
/// compare the curves where places do not bind or do not change.
/// What else it leaves out, and so where it is only an approximation of the simulation:
/// the municipal indication step and the hand-over step (policies.indication_mean_days,
/// policies.handover: a referral joins its list at once; only the old regime's step is
/// modelled), cases lost in the transition's hand-over, the cut_prevention policy's feedback from
/// one year's deficit to the next year's budgets, care continued past the leaving age
/// (cohorts leave at the leaving age), household money problems and debt help, school-to-work support, the regional pool (other municipalities' children), the shape of care durations (taken
/// as exponential with the same mean; specialised ambulant care's, where they spread more than
/// an exponential's, as two exponential phases with their spread too: `MeanFieldAmbulantPhases`), and ages within a month-wide cohort. Where none of these matter it is the simulation's exact
/// expectation, which the tests check.
public enum MeanFieldTwin {
    public static func solve(_ model: CompiledModel) throws(GSLError) -> ReplicationResult {
        typealias L = MeanFieldLayout
        let p = model.parameters
        let layout = MeanFieldLayout(groups: p.population.riskGroups.count)
        var rates = MeanFieldRates(model: model, layout: layout)
        let solver = ODESolver(dimension: layout.dimension, absoluteTolerance: 1e-7, relativeTolerance: 1e-7) { _, y, dy in
            rates.evaluate(y, dy)
        }
        // Started settled, the waiting lists admit at the steady state's rates throughout
        // (they do not follow later changes of places); started all well, nobody waits.
        if let settled = model.settledStart { rates.context.admission = settled.admission }
        let children = p.population.children
        let cohortsPerGeneration = max(1, Int((p.population.leavingAge * 12).rounded()))
        let width = model.leavingAgeDays / Double(cohortsPerGeneration)
        let size = Double(children) / Double(cohortsPerGeneration)
        let boundaries = model.periodBoundaries
        let periods = model.periodCount
        let startYear = p.horizon.start.year
        // Each budget year is funded under the parameter set in force on its 1 January.
        let yearStarts = (1...(p.horizon.end.year - startYear)).map { Double(CalendarDate(year: startYear + $0, month: 1, day: 1)!.daysSinceEpoch - model.startDay) }
        let years = ([0] + yearStarts).enumerated().map { k, day in
            YearAllocation(year: startYear + k, parameters: model.set(onDay: day).parameters, children: children)
        }

        // Accumulated over cohorts, per period boundary 1...periods.
        var stocks = [[Double]](repeating: [Double](repeating: 0, count: Stock.allCases.count), count: periods + 1)
        var counters = [[Double]](repeating: [Double](repeating: 0, count: L.Counter.allCases.count), count: periods + 1)
        var births = [Double](repeating: 0, count: periods + 1), leavers = births, agedOutWithNeed = births

        // (entry time, age at entry): the initial population, then the newborns.
        var cohorts = (0..<cohortsPerGeneration).map { (0.0, (Double($0) + 0.5) * width) }
        var birth = 0.5 * width
        while birth < model.endDay {
            cohorts.append((birth, 0))
            birth += width
        }

        for (entry, entryAge) in cohorts {
            let exit = entry + model.leavingAgeDays - entryAge
            var y = [Double](repeating: 0, count: layout.dimension)
            // A child's school-care coverage is drawn when it enters, under the set then in force.
            rates.model = model.set(onDay: entry)
            let covered = rates.model.parameters.services.schoolCare.shareOfChildrenCovered
            for (g, share) in model.riskShares.enumerated() {
                for (isCovered, coveredShare) in [(true, covered), (false, 1 - covered)] {
                    let b = layout.block(group: g, covered: isCovered)
                    if entry == 0, let settled = model.settledStart {
                        // The initial population starts where the settled start puts it.
                        for (k, probability) in settled.states(ageDays: entryAge, group: g, covered: isCovered).enumerated() {
                            y[b + k] = size * share * coveredShare * probability
                        }
                    } else {
                        y[b + L.well] = size * share * coveredShare
                    }
                }
            }
            if entry > 0 { births[periodIndex(containing: entry, boundaries)] += size }

            // Moments at which something happens to this cohort, in time order.
            var moments: [(time: Double, what: Moment)] = []
            for q in 1...periods where boundaries[q] > entry { moments.append((boundaries[q], .record(q))) }
            for t in yearStarts where t > entry && t < exit { moments.append((t, .newYear)) }
            for a in model.onsetBandStart + [model.schoolAgeDays] where a > entryAge && entry + a - entryAge < exit {
                moments.append((entry + a - entryAge, .ageChange))
            }
            for a in model.contactAges where a > entryAge && entry + a - entryAge < exit {
                moments.append((entry + a - entryAge, .contact))
            }
            for (k, day) in model.changeDays.enumerated() where day > entry && day < exit && day < model.endDay {
                moments.append((day, .parameterChange(k)))
            }
            if p.policies.oldRegime.enabled && model.transitionDay > entry && model.transitionDay < exit && model.transitionDay < model.endDay {
                moments.append((model.transitionDay, .transition))
            }
            if exit < model.endDay { moments.append((exit, .exit)) }
            moments.sort { $0.time < $1.time || ($0.time == $1.time && $0.what.order < $1.what.order) }

            var now = entry
            var gone = false
            func setContext() {
                let age = now - entry + entryAge
                var band = 0
                while band + 1 < model.onsetBandStart.count && model.onsetBandStart[band + 1] <= age + sameInstantDays { band += 1 }
                let current = rates.model
                rates.context.onset = current.riskOnsetMultiplier.map { current.onsetPerDay[band] * $0 }
                rates.context.schoolActive = age >= model.schoolAgeDays - sameInstantDays
                let funding = years[min(years.count - 1, yearIndex(now, yearStarts))]
                // Under the old regime there is no team, so no outreach (as the simulation's teamFactor).
                let old = MeanFieldOldRegime(current, now: now)
                rates.context.teamFactor = old == nil ? funding.teamFactor : 0
                rates.context.schoolFactor = funding.schoolFactor
                rates.context.setOldRegime(old)
            }
            setContext()
            for moment in moments {
                if !gone {
                    try solver.integrate(&y, from: now, to: moment.time)
                    now = moment.time
                }
                switch moment.what {
                case .record(let q):
                    for (k, value) in counterValues(y, layout).enumerated() { counters[q][k] += value }
                    if !gone { for (k, value) in stockValues(y, layout).enumerated() { stocks[q][k] += value } }
                case .parameterChange(let k):
                    rates.model = model.laterSets[k]
                    setContext()
                case .newYear, .ageChange:
                    setContext()
                case .transition:
                    // The team opens; children in the indication body's step go on to their lists.
                    setContext()
                    MeanFieldOldRegime.endStep(&y, layout, admission: rates.context.admission, ambulantPhases: rates.ambulantPhases)
                case .contact:
                    let funding = years[min(years.count - 1, yearIndex(now, yearStarts))]
                    contact(&y, layout, rates.model, reachFactor: funding.jgzReachFactor,
                            earlyHelp: funding.places[ServiceKind.jgzEarlyHelp.rawValue] > 0, context: rates.context)
                case .exit:
                    let q = periodIndex(containing: exit, boundaries)
                    leavers[q] += size
                    agedOutWithNeed[q] += stockValues(y, layout)[Stock.needs.rawValue]
                    for g in 0..<layout.blocks { for i in 0..<L.blockSize { y[g * L.blockSize + i] = 0 } }
                    gone = true
                }
            }
        }
        return rows(model: model, years: years, stocks: stocks, counters: counters, births: births,
                    leavers: leavers, agedOutWithNeed: agedOutWithNeed)
    }

    enum Moment {
        case record(Int), parameterChange(Int), newYear, transition, ageChange, contact, exit
        /// At one instant: record the period first (as the simulation closes periods first),
        /// then put dated values in force, then open the budget year, then end the old regime.
        var order: Int {
            switch self {
            case .record: 0
            case .parameterChange: 1
            case .newYear: 2
            case .transition: 3
            case .ageChange: 4
            case .contact: 5
            case .exit: 6
            }
        }
    }

    /// A JGZ contact: a share reach x funding x detection of each undetected need is noticed
    /// (a light one only where early help has places), onto the service's waiting list where
    /// it has one (`context.admission`); under the old regime what would go to the team goes
    /// to the indication body (`context.oldRegimeRoutes`).
    static func contact(_ y: inout [Double], _ layout: MeanFieldLayout, _ model: CompiledModel, reachFactor: Double, earlyHelp: Bool,
                        context: MeanFieldRates.Context) {
        typealias L = MeanFieldLayout
        let reach = model.parameters.services.youthHealthCare.reach * reachFactor
        let admission = context.admission
        for g in 0..<layout.blocks {
            let b = g * L.blockSize
            // Without early help (none funded) a light need seen gets advice, not help: it
            // stays unnoticed, as in the simulation (`Replication.jgzContact`).
            for s in (earlyHelp ? 1 : 2)...3 {
                let moved = y[b + L.undetected(s)] * reach * model.jgzDetection[s]
                let service = s == 1 ? ServiceKind.jgzEarlyHelp.rawValue : ServiceKind.neighbourhoodTeam.rawValue
                y[b + L.undetected(s)] -= moved
                y[layout.newEpisodes(.jgz)] += moved
                if service == ServiceKind.neighbourhoodTeam.rawValue && context.oldRegime != nil {
                    for d in context.oldRegimeRoutes[s] {
                        y[b + d.state] += moved * d.share
                        if let r = d.starts { y[layout.starts(r)] += moved * d.share }
                        if let counter = d.counter { y[layout.counter(counter)] += moved * d.share }
                    }
                } else if admission[service] == nil {
                    y[b + L.care(service, s)] += moved
                    y[layout.starts(service)] += moved
                } else {
                    y[b + L.waiting(service, s, 0)] += moved
                }
            }
        }
    }

    enum Stock: Int, CaseIterable {
        case children = 0, light, moderate, severe, undetected, needs, outOfHome
        case care0, care1, care2, care3, care4, care5
        case waiting0, waiting1, waiting2, waiting3, waiting4
        case referralStep
    }

    /// Children of block `b` with need s: at home unnoticed, waiting, in care or placed.
    static func withNeed(_ y: UnsafePointer<Double>, _ b: Int, _ s: Int) -> Double {
        typealias L = MeanFieldLayout
        var sum = y[b + L.undetected(s)] + y[b + L.placed(s)]
        for service in 0..<ServiceKind.allCases.count { sum += y[b + L.care(service, s)] }
        sum += y[b + L.ambulantLong(s)]
        for service in 0..<L.servicesWithPlaces {
            for stage in 0..<L.stages { sum += y[b + L.waiting(service, s, stage)] }
        }
        for target in 0..<L.stepTargets { sum += y[b + L.referralStep(target, s)] }
        return sum
    }

    static func stockValues(_ y: [Double], _ layout: MeanFieldLayout) -> [Double] {
        typealias L = MeanFieldLayout
        var v = [Double](repeating: 0, count: Stock.allCases.count)
        y.withUnsafeBufferPointer { y in
            let y = y.baseAddress!
            for g in 0..<layout.blocks {
                let b = g * L.blockSize
                for i in 0..<L.blockSize { v[Stock.children.rawValue] += y[b + i] }
                for s in 1...3 {
                    let withNeed = withNeed(y, b, s)
                    for service in 0..<ServiceKind.allCases.count { v[Stock.care0.rawValue + service] += y[b + L.care(service, s)] }
                    v[Stock.care0.rawValue + ServiceKind.specialisedAmbulant.rawValue] += y[b + L.ambulantLong(s)]
                    for service in 0..<L.servicesWithPlaces {
                        for stage in 0..<L.stages { v[Stock.waiting0.rawValue + service] += y[b + L.waiting(service, s, stage)] }
                    }
                    v[Stock.care0.rawValue + ServiceKind.youthProtection.rawValue] += y[b + L.placed(s)]
                    for target in 0..<L.stepTargets { v[Stock.referralStep.rawValue] += y[b + L.referralStep(target, s)] }
                    v[s] += withNeed
                    v[Stock.needs.rawValue] += withNeed
                    v[Stock.undetected.rawValue] += y[b + L.undetected(s)]
                    v[Stock.outOfHome.rawValue] += y[b + L.placed(s)] + y[b + L.care(ServiceKind.residential.rawValue, s)]
                }
            }
        }
        return v
    }

    static func counterValues(_ y: [Double], _ layout: MeanFieldLayout) -> [Double] {
        Array(y[layout.counterBase...])
    }

    static func periodIndex(containing t: Double, _ boundaries: [Double]) -> Int {
        var q = 1
        while q < boundaries.count - 1 && boundaries[q] < t { q += 1 }
        return q
    }

    static func yearIndex(_ t: Double, _ yearStarts: [Double]) -> Int {
        yearStarts.filter { $0 <= t + 1e-9 }.count
    }
}
