import Stochastics

/// The expected state of a child of each age at the horizon's start, had the start
/// year's rates and funding held for a whole generation before it: the mean-field twin
/// follows one cohort from birth to the leaving age and records, at the middle of each
/// month-wide age band, the probability of every state (well, well with relapse risk,
/// an unnoticed need of each severity, in care at each service with each severity,
/// placed under youth protection), per risk group and school coverage.
///
/// Replications sample their initial children from it (`horizon.initial_state: settled`),
/// so that a run is settled from its first day instead of after some 13 years of warm-up.
/// What the twin leaves out (capacity, waiting, household money problems; see
/// `MeanFieldTwin`) is not in the sample: children expected in care join their service's
/// waiting list on day 0 and the first budget year admits as many as there are places, so
/// waiting lists build up within the first months.
public struct SettledStart: Sendable {
    /// Width of an age band, days; band k holds ages [k w, (k + 1) w).
    let bandDays: Double
    /// Per age band, the state probabilities of every block (risk group x covered),
    /// laid out as `MeanFieldLayout` lays out one cohort.
    let probabilities: [[Double]]
    let layout: MeanFieldLayout

    /// The states of block (group, covered) at age `ageDays`, as probabilities summing to 1.
    func states(ageDays: Double, group: Int, covered: Bool) -> ArraySlice<Double> {
        let band = min(probabilities.count - 1, max(0, Int(ageDays / bandDays)))
        let b = layout.block(group: group, covered: covered)
        return probabilities[band][b..<(b + MeanFieldLayout.blockSize)]
    }
}

extension MeanFieldTwin {
    /// Solves the one cohort the settled start is read from (see `SettledStart`).
    static func settledStart(_ model: CompiledModel) throws(GSLError) -> SettledStart {
        typealias L = MeanFieldLayout
        let layout = MeanFieldLayout(groups: model.parameters.population.riskGroups.count)
        var rates = MeanFieldRates(model: model, layout: layout)
        let solver = ODESolver(dimension: layout.dimension, absoluteTolerance: 1e-9, relativeTolerance: 1e-7) { _, y, dy in
            rates.evaluate(y, dy)
        }
        let bands = max(1, Int((model.parameters.population.leavingAge * 12).rounded()))
        let width = model.leavingAgeDays / Double(bands)
        let funding = YearAllocation(year: model.parameters.horizon.start.year, parameters: model.parameters,
                                     children: model.parameters.population.children)
        rates.context.teamFactor = funding.teamFactor
        rates.context.schoolFactor = funding.schoolFactor

        // Time is the cohort's age. Each block starts with one well child: blocks evolve
        // independently, so each block's states stay probabilities.
        var y = [Double](repeating: 0, count: layout.dimension)
        for g in 0..<layout.groups {
            for covered in [false, true] { y[layout.block(group: g, covered: covered) + L.well] = 1 }
        }
        enum Moment { case record(Int), ageChange, contact }
        var moments: [(age: Double, what: Moment)] = (0..<bands).map { ((Double($0) + 0.5) * width, .record($0)) }
        for a in model.onsetBandStart + [model.schoolAgeDays] where a > 0 && a < model.leavingAgeDays { moments.append((a, .ageChange)) }
        for a in model.contactAges where a < model.leavingAgeDays { moments.append((a, .contact)) }
        // At one age: change the rates and hold the contact before recording (as a child
        // of exactly that age would have had them).
        func order(_ m: Moment) -> Int { switch m { case .ageChange: 0; case .contact: 1; case .record: 2 } }
        moments.sort { $0.age < $1.age || ($0.age == $1.age && order($0.what) < order($1.what)) }

        func setContext(age: Double) {
            var band = 0
            while band + 1 < model.onsetBandStart.count && model.onsetBandStart[band + 1] <= age + sameInstantDays { band += 1 }
            rates.context.onset = model.riskOnsetMultiplier.map { model.onsetPerDay[band] * $0 }
            rates.context.schoolActive = age >= model.schoolAgeDays - sameInstantDays
        }
        var age = 0.0
        setContext(age: 0)
        var probabilities = [[Double]](repeating: [], count: bands)
        for moment in moments {
            try solver.integrate(&y, from: age, to: moment.age)
            age = moment.age
            switch moment.what {
            case .ageChange: setContext(age: age)
            case .contact:
                contact(&y, layout, model, reachFactor: funding.jgzReachFactor,
                        earlyHelp: funding.places[ServiceKind.jgzEarlyHelp.rawValue] > 0)
            case .record(let band):
                var states = Array(y[0..<layout.counterBase])
                for i in states.indices { states[i] = max(0, states[i]) }
                probabilities[band] = states
            }
        }
        return SettledStart(bandDays: width, probabilities: probabilities, layout: layout)
    }
}
